using Slipway.Engine.Contexts;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.UnitTests;

/// <summary>The three ways a unit test writes rows: <c>dict</c> (YAML mappings, the default), <c>csv</c> and <c>sql</c>.</summary>
internal enum FixtureFormat { Dict, Csv, Sql }

/// <summary>
/// One <c>given</c> input (<see cref="Input"/> is <c>ref(...)</c>, <c>source(...)</c> or <c>this</c>) or the
/// <c>expect</c> block: its rows as column → value mappings (csv cells are text, an empty cell or <c>null</c> is
/// null), or, for <c>format: sql</c>, the query that produces them. <see cref="HasRows"/> is false for a given
/// seed written without rows: dbt then reads the seed's own CSV.
/// </summary>
internal sealed record Fixture(string? Input, FixtureFormat Format, IReadOnlyList<IReadOnlyDictionary<string, object?>> Rows, string? Sql, bool HasRows);

/// <summary><c>overrides:</c> — macro results (<c>is_incremental: true</c>), <c>vars</c> and <c>env_vars</c> for this test only.</summary>
internal sealed record UnitTestOverrides(
    IReadOnlyDictionary<string, object?> Macros,
    IReadOnlyDictionary<string, object?> Vars,
    IReadOnlyDictionary<string, object?> EnvVars);

/// <summary>
/// A unit test's <c>given</c>, <c>expect</c> and <c>overrides</c> read from the YAML kept in the manifest, with
/// csv text and fixture files (<c>&lt;test-path&gt;/fixtures/&lt;name&gt;.csv|.sql</c>) turned into rows or SQL.
/// </summary>
internal sealed class UnitTestSpec
{
    public required IReadOnlyList<Fixture> Given { get; init; }
    public required Fixture Expect { get; init; }
    public required UnitTestOverrides Overrides { get; init; }

    /// <param name="fixtureFolders">Absolute <c>fixtures</c> folders under the project's test paths, searched in order.</param>
    /// <exception cref="CompilerException">The definition is malformed; the message names the test and its file.</exception>
    public static UnitTestSpec Read(UnitTestNode test, IReadOnlyList<string> fixtureFolders)
    {
        var p = test.Definition.Properties;
        var given = new List<Fixture>();
        if (Get(p, "given") is IEnumerable<object?> items)
        {
            foreach (var item in items)
            {
                if (item is not IDictionary<string, object?> d || Get(d, "input") is not string input)
                    throw Error(test, "has a 'given' entry without an 'input'; expected input: ref('model'), source('source', 'table') or this");
                given.Add(ReadFixture(test, d, input, "input", fixtureFolders));
            }
        }
        var expect = Get(p, "expect") is IDictionary<string, object?> e
            ? ReadFixture(test, e, null, "expected", fixtureFolders)
            : throw Error(test, "has no 'expect' block; expected expect: {rows: [...]}");
        var overrides = Get(p, "overrides") as IDictionary<string, object?>;
        return new UnitTestSpec
        {
            Given = given,
            Expect = expect,
            Overrides = new UnitTestOverrides(Section(overrides, "macros"), Section(overrides, "vars"), Section(overrides, "env_vars")),
        };
    }

    private static IReadOnlyDictionary<string, object?> Section(IDictionary<string, object?>? overrides, string key) =>
        Get(overrides, key) is IDictionary<string, object?> d
            ? new Dictionary<string, object?>(d, StringComparer.Ordinal)
            : new Dictionary<string, object?>(StringComparer.Ordinal);

    private static Fixture ReadFixture(UnitTestNode test, IDictionary<string, object?> d, string? input, string kind, IReadOnlyList<string> folders)
    {
        var formatText = Get(d, "format") as string ?? "dict";
        var format = formatText switch
        {
            "dict" => FixtureFormat.Dict,
            "csv" => FixtureFormat.Csv,
            "sql" => FixtureFormat.Sql,
            _ => throw Error(test, $"has {kind} format '{formatText}'; expected dict, csv or sql"),
        };
        var rows = Get(d, "rows");
        var fixture = Get(d, "fixture") as string;
        switch (format)
        {
            case FixtureFormat.Dict:
                if (rows is null && fixture is null) return new Fixture(input, format, [], null, HasRows: false);
                if (rows is not IEnumerable<object?> list || rows is string)
                    throw Error(test, $"has {kind} rows which do not match format dict; expected a list of mappings");
                return new Fixture(input, format, list.Select(r => AsRow(test, r, kind)).ToList(), null, true);
            case FixtureFormat.Csv:
                var text = fixture is not null ? File.ReadAllText(FixturePath(test, folders, fixture, ".csv"))
                    : rows as string ?? throw Error(test, $"has {kind} rows or fixtures which do not match format csv; expected a string");
                return new Fixture(input, format, CsvRows.Parse(text), null, true);
            default:
                var sql = fixture is not null ? File.ReadAllText(FixturePath(test, folders, fixture, ".sql"))
                    : rows as string ?? throw Error(test, $"has {kind} rows or fixtures which do not match format sql; expected a string");
                return new Fixture(input, format, [], sql, true);
        }
    }

    private static IReadOnlyDictionary<string, object?> AsRow(UnitTestNode test, object? row, string kind) => row switch
    {
        IDictionary<string, object?> d => new OrderedDictionary<string, object?>(d, StringComparer.Ordinal),
        _ => throw Error(test, $"has {kind} rows which do not match format dict; expected each row to be a mapping like {{id: 1}}"),
    };

    /// <summary>dbt looks for <c>&lt;name&gt;.csv</c> (or <c>.sql</c>) anywhere below each test path's <c>fixtures</c> folder.</summary>
    private static string FixturePath(UnitTestNode test, IReadOnlyList<string> folders, string name, string extension)
    {
        foreach (var folder in folders.Where(Directory.Exists))
        {
            var direct = Path.Combine(folder, name + extension);
            if (File.Exists(direct)) return direct;
            var nested = Directory.EnumerateFiles(folder, Path.GetFileName(name) + extension, SearchOption.AllDirectories).FirstOrDefault();
            if (nested is not null) return nested;
        }
        throw Error(test, $"names fixture '{name}', but no file {name}{extension} was found under {string.Join(" or ", folders.Select(f => Path.GetFileName(Path.GetDirectoryName(f)) + "/fixtures"))}");
    }

    private static object? Get(IDictionary<string, object?>? d, string key) => d is not null && d.TryGetValue(key, out var v) ? v : null;

    internal static CompilerException Error(UnitTestNode test, string message) =>
        new($"Compilation Error in unit_test {test.Name} ({test.OriginalFilePath})\n  {test.Location}: Unit test '{test.Name}' {message}.");
}
