using Slipway.Engine.Parsing;
using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Parsing;

/// <summary>Parses a fixture project against a DuckDB-like target (database <c>ci</c>, schema <c>main</c>).</summary>
internal static class FixtureLoader
{
    public static Target DuckDbTarget(string schema = "main", string database = "ci") => new()
    {
        Name = "dev",
        ProfileName = "fixture",
        Type = "duckdb",
        Schema = schema,
        Database = database,
        Threads = 1,
        Settings = new Dictionary<string, object?> { ["path"] = database + ".duckdb" },
    };

    public static ParseResult Parse(string fixture, Target? target = null)
    {
        var project = DbtProjectLoader.Load(TestPaths.Fixture(fixture), null);
        return ManifestLoader.Load(new ParseRequest { Root = project, Target = target ?? DuckDbTarget() });
    }

    /// <summary>Parses a project written into a temporary folder from (relative path, contents) pairs.</summary>
    public static ParseResult ParseFiles(params (string Path, string Text)[] files) => ParseFiles([], files);

    /// <summary>
    /// Like <see cref="ParseFiles(ValueTuple{string, string}[])"/>; each folder in <paramref name="packageDirs"/>
    /// (relative, e.g. <c>dbt_packages/helpers</c>) is loaded as an installed package.
    /// </summary>
    public static ParseResult ParseFiles(string[] packageDirs, params (string Path, string Text)[] files)
    {
        var dir = Directory.CreateTempSubdirectory("slipway-parse-").FullName;
        try
        {
            foreach (var (path, text) in files)
            {
                var full = Path.Combine(dir, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, text);
            }
            var project = DbtProjectLoader.Load(dir, null);
            var packages = packageDirs.Select(p => DbtProjectLoader.Load(Path.Combine(dir, p), null)).ToList();
            return ManifestLoader.Load(new ParseRequest { Root = project, Packages = packages, Target = DuckDbTarget() });
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
