using System.Text.RegularExpressions;

namespace Slipway.Engine.Project;

/// <summary>
/// Reads <c>dbt_project.yml</c>. Like dbt, everything is rendered with <c>var</c> (command-line vars only),
/// <c>env_var</c> and <c>target</c> except what dbt renders later: <c>vars</c>, the run hooks, <c>query-comment</c>
/// and model pre-/post-hooks inside the config trees.
/// </summary>
public static partial class DbtProjectLoader
{
    public const string FileName = "dbt_project.yml";

    /// <summary>The config-tree keys of dbt_project.yml (<c>tests</c> is the older spelling of <c>data_tests</c>).</summary>
    public static readonly IReadOnlyList<string> ConfigTreeKeys =
        ["models", "seeds", "snapshots", "data_tests", "sources", "unit_tests", "exposures", "metrics",
         "semantic-models", "saved-queries", "analyses", "functions"];

    /// <summary>The nearest folder from <paramref name="start"/> upwards that holds dbt_project.yml, else <paramref name="start"/>.</summary>
    public static string FindProjectDir(string start)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(start)); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, FileName))) return dir.FullName;
        return Path.GetFullPath(start);
    }

    /// <summary>Loads the project in <paramref name="projectDir"/>; <paramref name="context"/> null means "do not render".</summary>
    public static DbtProject Load(string projectDir, IConfigRenderContext? context)
    {
        var root = Path.GetFullPath(projectDir);
        var file = Path.Combine(root, FileName);
        if (!File.Exists(file))
            throw new ProjectException(
                $"No {FileName} found at expected path {file}. Verify that each entry within packages.yml (and their transitive dependencies) contains a file named {FileName}, or run slipway from a project directory (or pass --project-dir).");
        var yaml = YamlValues.Load(file);
        if (yaml.Root is null) throw yaml.Error($"is empty; expected a mapping with at least 'name'");
        if (yaml.Root is not IDictionary<string, object?> raw) throw yaml.Error("must be a mapping of keys to values");
        var rendered = context is null ? raw : RenderProject(raw, context);
        return Build(root, yaml, rendered);
    }

    private static DbtProject Build(string root, YamlValues yaml, IDictionary<string, object?> d)
    {
        var name = d.TryGetValue("name", out var n) ? n as string : null;
        if (name is null) throw yaml.Error("is missing the required key 'name' (the project's name, e.g. name: my_project)", "name");
        if (!IdentifierPattern().IsMatch(name))
            throw yaml.Error($"has project name '{name}', which is not a valid identifier (letters, digits and underscores, not starting with a digit)", "name");

        string[] StringList(string key, string[] @default)
        {
            if (!d.TryGetValue(key, out var v) || v is null) return @default;
            if (v is string s) return [s];
            if (v is IList<object?> l && l.All(x => x is string)) return [.. l.Cast<string>()];
            throw yaml.Error($"has '{key}' that is not a list of strings", key);
        }
        string? Str(string key)
        {
            if (!d.TryGetValue(key, out var v) || v is null) return null;
            return v is string or long or double ? Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)
                : throw yaml.Error($"has '{key}' that is not a string", key);
        }
        IReadOnlyDictionary<string, object?> Dict(string key)
        {
            if (!d.TryGetValue(key, out var v) || v is null) return DbtProject.Empty;
            return v is IDictionary<string, object?> m ? m.AsReadOnly() : throw yaml.Error($"has '{key}' that is not a mapping", key);
        }

        if (d.ContainsKey("tests") && d.ContainsKey("data_tests"))
            throw yaml.Error("has both 'tests' and 'data_tests'; keep only 'data_tests'", "tests");

        // dbt 0.x names, still accepted (with a deprecation) by dbt 1.x.
        var modelPaths = StringList("model-paths", StringList("source-paths", ["models"]));
        var seedPaths = StringList("seed-paths", StringList("data-paths", ["seeds"]));
        var testPaths = StringList("test-paths", ["tests"]);
        var macroPaths = StringList("macro-paths", ["macros"]);
        var snapshotPaths = StringList("snapshot-paths", ["snapshots"]);
        var analysisPaths = StringList("analysis-paths", ["analyses"]);
        var targetPath = Str("target-path") ?? "target";

        var trees = new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);
        foreach (var key in ConfigTreeKeys.Append("tests"))
        {
            var tree = Dict(key);
            if (tree.Count > 0) trees[key == "tests" ? "data_tests" : key] = tree;
        }

        return new DbtProject
        {
            Name = name,
            Version = Str("version"),
            ProfileName = Str("profile"),
            RootPath = root,
            ModelPaths = modelPaths,
            SeedPaths = seedPaths,
            TestPaths = testPaths,
            MacroPaths = macroPaths,
            SnapshotPaths = snapshotPaths,
            AnalysisPaths = analysisPaths,
            DocsPaths = StringList("docs-paths",
                [.. modelPaths, .. seedPaths, .. testPaths, .. macroPaths, .. snapshotPaths, .. analysisPaths]),
            AssetPaths = StringList("asset-paths", []),
            TargetPath = targetPath,
            PackagesInstallPath = Str("packages-install-path") ?? "dbt_packages",
            CleanTargets = StringList("clean-targets", [targetPath]),
            Vars = Dict("vars"),
            RequireDbtVersion = StringList("require-dbt-version", []),
            Flags = Dict("flags"),
            Dispatch = ReadDispatch(yaml, d),
            Quoting = Dict("quoting"),
            OnRunStart = Hooks(yaml, d, "on-run-start"),
            OnRunEnd = Hooks(yaml, d, "on-run-end"),
            QueryComment = d.TryGetValue("query-comment", out var qc) ? qc : null,
            ConfigTrees = trees,
            Raw = d.AsReadOnly(),
        };
    }

    private static List<DispatchEntry> ReadDispatch(YamlValues yaml, IDictionary<string, object?> d)
    {
        var result = new List<DispatchEntry>();
        if (!d.TryGetValue("dispatch", out var v) || v is null) return result;
        if (v is not IList<object?> list) throw yaml.Error("has 'dispatch' that is not a list of {macro_namespace, search_order}", "dispatch");
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] is IDictionary<string, object?> e && e.TryGetValue("macro_namespace", out var ns) && ns is string nss
                && e.TryGetValue("search_order", out var so) && so is IList<object?> order && order.All(x => x is string))
                result.Add(new DispatchEntry(nss, [.. order.Cast<string>()]));
            else
                throw yaml.Error("has a 'dispatch' entry without 'macro_namespace' (a string) and 'search_order' (a list of package names)", "dispatch", i.ToString());
        }
        return result;
    }

    private static string[] Hooks(YamlValues yaml, IDictionary<string, object?> d, string key)
    {
        if (!d.TryGetValue(key, out var v) || v is null) return [];
        if (v is string s) return [s];
        if (v is IList<object?> l && l.All(x => x is string)) return [.. l.Cast<string>()];
        throw yaml.Error($"has '{key}' that is not a SQL string or a list of SQL strings", key);
    }

    private static OrderedDictionary<string, object?> RenderProject(IDictionary<string, object?> raw, IConfigRenderContext context)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in raw)
        {
            result[key] = key switch
            {
                "vars" or "on-run-start" or "on-run-end" or "query-comment" => value,
                _ when ConfigTreeKeys.Contains(key) || key == "tests" => RenderConfigTree(value, context, key),
                _ => NativeRenderer.Render(value, context, $"{FileName} '{key}'"),
            };
        }
        return result;
    }

    // Inside config trees dbt leaves model hooks for run time: they may use `this`, which does not exist yet.
    private static object? RenderConfigTree(object? value, IConfigRenderContext context, string where)
    {
        if (value is not IDictionary<string, object?> d) return NativeRenderer.Render(value, context, where);
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in d)
        {
            var bare = ConfigMerge.ConfigKey(k.TrimStart('+').Trim());
            result[k] = bare is "pre-hook" or "post-hook" ? v : RenderConfigTree(v, context, $"{where}.{k}");
        }
        return result;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();
}
