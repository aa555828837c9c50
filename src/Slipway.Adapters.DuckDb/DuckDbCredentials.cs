using System.Globalization;

namespace Slipway.Adapters.DuckDb;

/// <summary>
/// A <c>type: duckdb</c> profile target: <c>path</c> (a file, or <c>:memory:</c>), <c>database</c> (the path's
/// stem unless given), <c>schema</c> (default <c>main</c>), <c>threads</c>, <c>extensions</c>, <c>settings</c>
/// and <c>attach</c>. Relative paths resolve against the project directory.
/// </summary>
public sealed record DuckDbCredentials(
    string TargetName,
    string Path,
    string Database,
    string Schema,
    int Threads,
    IReadOnlyList<string> Extensions,
    IReadOnlyList<KeyValuePair<string, object?>> Settings,
    IReadOnlyList<DuckDbAttachment> Attach,
    IReadOnlyDictionary<string, object?> Raw)
{
    public bool InMemory => Path == ":memory:";

    public static DuckDbCredentials FromTarget(string targetName, IReadOnlyDictionary<string, object?> target, string projectDir)
    {
        var rawPath = Str(target, "path") ?? ":memory:";
        var inMemory = rawPath is "" || rawPath.StartsWith(":memory:", StringComparison.Ordinal);
        if (rawPath.StartsWith("md:", StringComparison.Ordinal) || rawPath.StartsWith("motherduck:", StringComparison.Ordinal))
            throw new AdapterException($"Target '{targetName}': MotherDuck paths ('{rawPath}') need a network extension, which Slipway's embedded DuckDB does not download.");
        var path = inMemory ? ":memory:" : Resolve(rawPath, projectDir);
        var stem = inMemory ? "memory" : System.IO.Path.GetFileNameWithoutExtension(path);
        var attach = ParseAttach(targetName, target, projectDir);
        var database = Str(target, "database") ?? stem;
        if (!database.Equals(stem, StringComparison.OrdinalIgnoreCase)
            && !attach.Any(a => a.Alias.Equals(database, StringComparison.OrdinalIgnoreCase)))
            throw new AdapterException(
                $"Target '{targetName}': database '{database}' is neither the path's database '{stem}' nor an attached alias; remove 'database' or attach it.");
        var threads = target.TryGetValue("threads", out var th) && th is not null
            ? Convert.ToInt32(th, CultureInfo.InvariantCulture) : 1;
        return new DuckDbCredentials(targetName, path, database, Str(target, "schema") ?? "main", Math.Max(1, threads),
            ParseExtensions(targetName, target), ParseSettings(targetName, target), attach, target);
    }

    private static string Resolve(string path, string projectDir)
    {
        if (path.StartsWith('~')) path = System.IO.Path.Join(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path[1..]);
        return System.IO.Path.GetFullPath(path, projectDir);
    }

    private static string? Str(IReadOnlyDictionary<string, object?> d, string key) =>
        d.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static IReadOnlyList<string> ParseExtensions(string targetName, IReadOnlyDictionary<string, object?> target)
    {
        if (!target.TryGetValue("extensions", out var v) || v is null) return [];
        if (v is string one) return [one];
        if (v is not System.Collections.IEnumerable list)
            throw new AdapterException($"Target '{targetName}': 'extensions' must be a list of extension names.");
        var names = new List<string>();
        foreach (var item in list)
        {
            // dbt-duckdb also accepts {name: x, repo: y}; the repository is irrelevant when nothing is downloaded.
            var name = item switch
            {
                string s => s,
                IDictionary<string, object?> d when d.TryGetValue("name", out var n) => n?.ToString(),
                IReadOnlyDictionary<string, object?> d when d.TryGetValue("name", out var n) => n?.ToString(),
                _ => null,
            };
            names.Add(name ?? throw new AdapterException($"Target '{targetName}': each of 'extensions' must be a name."));
        }
        return names;
    }

    private static IReadOnlyList<KeyValuePair<string, object?>> ParseSettings(string targetName, IReadOnlyDictionary<string, object?> target)
    {
        if (!target.TryGetValue("settings", out var v) || v is null) return [];
        return v switch
        {
            IEnumerable<KeyValuePair<string, object?>> d => d.ToList(),
            _ => throw new AdapterException($"Target '{targetName}': 'settings' must be a mapping of DuckDB setting names to values."),
        };
    }

    private static IReadOnlyList<DuckDbAttachment> ParseAttach(string targetName, IReadOnlyDictionary<string, object?> target, string projectDir)
    {
        if (!target.TryGetValue("attach", out var v) || v is null) return [];
        if (v is not System.Collections.IEnumerable list || v is string)
            throw new AdapterException($"Target '{targetName}': 'attach' must be a list of {{path, alias, read_only}} entries.");
        var result = new List<DuckDbAttachment>();
        foreach (var item in list)
        {
            var d = item switch
            {
                IReadOnlyDictionary<string, object?> r => r,
                IDictionary<string, object?> m => m.AsReadOnly(),
                _ => throw new AdapterException($"Target '{targetName}': each 'attach' entry must be a mapping with a 'path'."),
            };
            var raw = Str(d, "path") ?? throw new AdapterException($"Target '{targetName}': an 'attach' entry has no 'path'.");
            var memory = raw.StartsWith(":memory:", StringComparison.Ordinal);
            var path = memory ? ":memory:" : Resolve(raw, projectDir);
            var alias = Str(d, "alias") ?? (memory ? "memory" : System.IO.Path.GetFileNameWithoutExtension(path));
            var readOnly = d.TryGetValue("read_only", out var ro) && ro is true or "true" or "True";
            var type = Str(d, "type");
            if (type is not null && !type.Equals("duckdb", StringComparison.OrdinalIgnoreCase))
                throw new AdapterException($"Target '{targetName}': attaching a '{type}' database needs an extension Slipway's embedded DuckDB does not download.");
            result.Add(new DuckDbAttachment(path, alias, readOnly));
        }
        return result;
    }
}

/// <summary>One <c>attach:</c> entry: another DuckDB file reachable as <c>alias</c>.</summary>
public sealed record DuckDbAttachment(string Path, string Alias, bool ReadOnly);
