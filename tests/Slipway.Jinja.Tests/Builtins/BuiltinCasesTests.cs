using System.Text;
using Slipway.Jinja.Tests.Values;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Builtins;

/// <summary>
/// Every built-in filter, test and global rendered through a real template and compared with what Jinja2 3.1
/// (sandboxed, as dbt runs it) renders: BuiltinCases.tsv is written by generate_builtin_cases.py with python3.
/// Rows marked "strict" render with StrictUndefined.
/// </summary>
public sealed class BuiltinCasesTests
{
    // Deliberate differences from Jinja2 (template → reason); the generator avoids printing what cannot match
    // (object addresses in reprs, unconsumed generators, lipsum's random words).
    private static readonly Dictionary<string, string> KnownDifferences = new();

    public static IEnumerable<object[]> Cases() =>
        CaseFile.ReadLines("Builtins/BuiltinCases.tsv").Where(l => l.Length > 0).Select(l => new object[] { l });

    /// <summary>Random expressions (generate_fuzz_cases.py): operators, filters, tests and methods combined.</summary>
    public static IEnumerable<object[]> FuzzCases() =>
        CaseFile.ReadLines("Builtins/FuzzCases.tsv").Where(l => l.Length > 0).Select(l => new object[] { l });

    [Theory]
    [MemberData(nameof(FuzzCases))]
    public void RandomExpressionsMatchJinja2(string line) => MatchesJinja2(line);

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesJinja2(string line)
    {
        var columns = line.Split('\t').Select(CaseFile.Decode).ToArray();
        var (template, contextSource, expected) = (columns[0], columns[1], columns[2]);
        if (KnownDifferences.TryGetValue(template, out var reason) && reason.Length > 0) return;
        var context = ((PyDict)PyLiteral.Parse(contextSource)!).ToDictionary(kv => (string)kv.Key, kv => kv.Value);
        string actual;
        try
        {
            var strict = columns.Length > 3 && columns[3] == "strict";
            var environment = new JinjaEnvironment(new JinjaOptions { Undefined = strict ? UndefinedBehavior.Strict : UndefinedBehavior.Default });
            actual = environment.FromString(template).Render(context);
        }
        catch (TemplateError e)
        {
            actual = $"!!{e.Kind}: {e.Description}";
        }
        Assert.True(expected == actual, $"{template}\n  expected: {expected}\n  actual:   {actual}");
    }
}
