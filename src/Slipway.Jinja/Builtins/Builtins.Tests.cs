using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

// Jinja2's built-in tests (`value is name(args)`).
public static partial class Builtins
{
    static partial void RegisterTestsCore(IDictionary<string, Test> tests)
    {
        tests["odd"] = (_, v, _) => Py.Equal(Py.Binary("%", v, 2L), 1L);
        tests["even"] = (_, v, _) => Py.Equal(Py.Binary("%", v, 2L), 0L);
        tests["divisibleby"] = (_, v, a) => Py.Equal(Py.Binary("%", v, a.Get(0, "num")), 0L);
        tests["defined"] = (_, v, _) => v is not Undefined;
        tests["undefined"] = (_, v, _) => v is Undefined;
        tests["none"] = (_, v, _) => v is null;
        tests["boolean"] = (_, v, _) => v is bool;
        tests["false"] = (_, v, _) => v is false;
        tests["true"] = (_, v, _) => v is true;
        tests["integer"] = (_, v, _) => v is long or int;
        tests["float"] = (_, v, _) => v is double;
        tests["number"] = (_, v, _) => Py.IsNumber(v);
        tests["string"] = (_, v, _) => v is string or Markup;
        tests["lower"] = (_, v, _) => IsCase(Py.ToStr(v), lower: true);
        tests["upper"] = (_, v, _) => IsCase(Py.ToStr(v), lower: false);
        tests["mapping"] = (_, v, _) => Py.IsDict(v);
        // Jinja2 tries len() and __getitem__ and treats any failure (even a strict undefined's) as "no".
        tests["sequence"] = (_, v, _) => v is string or Markup or PyTuple or PyRange or Undefined { IsStrict: false } or DictView || Py.IsList(v) || Py.IsDict(v);
        tests["iterable"] = (_, v, _) =>
        {
            try
            {
                _ = Py.Iterate(v);
                return true;
            }
            catch (JinjaRuntimeException e) when (e.PythonType == "TypeError")
            {
                return false;
            }
        };
        tests["callable"] = (_, v, _) => v is IJinjaCallable or Undefined;
        tests["sameas"] = (_, v, a) => SameAs(v, a.Get(0, "other"));
        tests["escaped"] = (_, v, _) => v is Markup;
        tests["in"] = (_, v, a) => Py.Contains(a.Get(0, "seq"), v);
        tests["filter"] = (c, v, _) => Py.AsString(v) is { } name && c.Environment.Filters.ContainsKey(name);
        tests["test"] = (c, v, _) => Py.AsString(v) is { } name && c.Environment.Tests.ContainsKey(name);
        tests["eq"] = tests["equalto"] = tests["=="] = (_, v, a) => Py.Equal(v, a.Get(0, "other"));
        tests["ne"] = tests["!="] = (_, v, a) => !Py.Equal(v, a.Get(0, "other"));
        tests["lt"] = tests["lessthan"] = tests["<"] = (_, v, a) => Py.Compare("<", v, a.Get(0, "other"));
        tests["le"] = tests["<="] = (_, v, a) => Py.Compare("<=", v, a.Get(0, "other"));
        tests["gt"] = tests["greaterthan"] = tests[">"] = (_, v, a) => Py.Compare(">", v, a.Get(0, "other"));
        tests["ge"] = tests[">="] = (_, v, a) => Py.Compare(">=", v, a.Get(0, "other"));
        foreach (var (name, signature) in TestSignatures)
        {
            if (!tests.TryGetValue(name, out var test)) continue;
            tests[name] = (context, value, arguments) =>
            {
                signature.Check(arguments);
                return test(context, value, arguments);
            };
        }
    }

    private static bool IsCase(string s, bool lower)
    {
        var cased = false;
        foreach (var ch in s)
        {
            if (char.IsUpper(ch) || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.TitlecaseLetter)
            {
                if (lower) return false;
                cased = true;
            }
            else if (char.IsLower(ch))
            {
                if (!lower) return false;
                cased = true;
            }
        }
        return cased;
    }

    /// <summary>Python's "is": identity. None, booleans and CPython's cached small ints are always the same object.</summary>
    private static bool SameAs(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (bool x, bool y) => x == y,
        (long x, long y) => x == y && x >= -5 && x <= 256,
        (Undefined, _) or (_, Undefined) => ReferenceEquals(a, b),
        _ => ReferenceEquals(a, b),
    };
}
