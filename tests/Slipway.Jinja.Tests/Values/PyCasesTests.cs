using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Values;

/// <summary>
/// The value model against Python itself: every row of PyCases.tsv was produced by python3 (generate_py_cases.py)
/// and holds the repr of the result or the exception Python raised.
/// </summary>
public sealed class PyCasesTests
{
    // Deliberate differences from Python, each with its reason (see the Values README).
    private static readonly Dictionary<string, string> KnownDifferences = new()
    {
        ["bin\t+\t9223372036854775807\t1"] = "ints are 64-bit: overflow raises OverflowError instead of growing",
    };

    public static IEnumerable<object[]> Cases() =>
        CaseFile.ReadLines("Values/PyCases.tsv").Where(l => l.Length > 0).Select(l => new object[] { l });

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesPython(string line)
    {
        var columns = line.Split('\t');
        var expected = columns[^1];
        var key = string.Join('\t', columns[..^1]);
        if (KnownDifferences.TryGetValue(key, out var reason) && reason.Length > 0) return;
        string actual;
        try
        {
            actual = Run(columns[0], columns[1..^1]);
        }
        catch (JinjaRuntimeException e)
        {
            actual = $"!!{e.PythonType}: {e.Message}";
        }
        if (actual == "!!missing") Assert.StartsWith("!!", expected);
        else Assert.Equal(expected, actual);
    }

    private static string Run(string kind, string[] e)
    {
        object? L(int i) => PyLiteral.Parse(e[i]);
        switch (kind)
        {
            case "repr": return Py.Repr(L(0));
            case "str": return Py.Repr(Py.ToStr(L(0)));
            case "truth": return Py.Repr(Py.IsTruthy(L(0)));
            case "bin": return Py.Repr(Py.Binary(e[0], L(1), L(2)));
            case "cmp": return Py.Repr(Py.Compare(e[0], L(1), L(2)));
            case "in": return Py.Repr(Py.Contains(L(1), L(0)));
            case "getitem": return Py.TryGetItem(L(0), L(1), out var item) ? Py.Repr(item) : "!!missing";
            case "slice": return Py.Repr(Py.Slice(L(0), L(1), L(2), L(3)));
            case "len": return Py.Repr(Py.Length(L(0)));
            case "pprint": return Py.Repr(Slipway.Jinja.Builtins.PrettyPrinter.Format(L(0)));
            case "tojson": return Py.Repr(Slipway.Jinja.Builtins.Json.HtmlSafe(Slipway.Jinja.Builtins.Json.Dumps(L(0), null)));
            case "tojson2": return Py.Repr(Slipway.Jinja.Builtins.Json.HtmlSafe(Slipway.Jinja.Builtins.Json.Dumps(L(0), 2L)));
            case "method":
                var self = L(0);
                Assert.True(Py.TryGetAttr(self, e[1], out var method), $"no method {e[1]}");
                var positional = ((PyTuple)L(2)!).ToList();
                var keyword = ((PyDict)L(3)!).ToDictionary(kv => (string)kv.Key, kv => kv.Value);
                var result = Py.Call(method, new Arguments(positional, keyword));
                return Py.Repr(result) + " ; " + Py.Repr(self);
            default: throw new InvalidOperationException(kind);
        }
    }
}
