using System.Globalization;
using System.Text.RegularExpressions;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Parsing;

internal sealed partial class ManifestLoader
{
    private readonly List<PendingTest> _pendingTests = [];

    private static readonly string[] NodeKeys = ["models", "seeds", "snapshots", "analyses"];

    private void ParseAllProperties()
    {
        foreach (var p in _projects)
        {
            foreach (var file in ProjectFiles.Find(p, ProjectFiles.AllSourcePaths(p), ".yml", ".yaml"))
            {
                YamlValues yaml;
                try { yaml = YamlValues.Parse(file.ReadText(), file.OriginalFilePath); }
                catch (ProjectException e) { throw new ParseException(e.File ?? file.OriginalFilePath, e.Line, e.Column, StripLocation(e.Message)); }
                if (yaml.Root is null) continue;
                if (yaml.Root is not IDictionary<string, object?> root)
                    throw Error(yaml, "must be a mapping with keys such as 'version', 'models' or 'sources'");
                ParseProperties(file, yaml, root);
            }
        }
    }

    private static string StripLocation(string message)
    {
        var m = Regex.Match(message, @"^.*?:\d+:\d+: ");
        return m.Success ? message[m.Length..] : message;
    }

    private static ParseException Error(YamlValues yaml, string message, params string[] keys)
    {
        var (line, column) = yaml.Position(keys);
        return new ParseException(yaml.File, line, column, message);
    }

    private void ParseProperties(SourceFile file, YamlValues yaml, IDictionary<string, object?> root)
    {
        foreach (var (key, value) in root)
        {
            if (value is null) continue;
            if (key is "version") continue;
            var entries = value as IList<object?> ?? throw Error(yaml, $"has '{key}' that is not a list of entries (each starting with '- name: ...')", key);
            for (var i = 0; i < entries.Count; i++)
            {
                var path = new[] { key, i.ToString(CultureInfo.InvariantCulture) };
                if (entries[i] is not IDictionary<string, object?> entry)
                    throw Error(yaml, $"has an entry under '{key}' that is not a mapping", path);
                if (key != "semantic_models" && key != "metrics" && key != "saved_queries" && key != "unit_tests"
                    && (!entry.TryGetValue("name", out var n) || n is not string))
                    throw Error(yaml, $"has an entry under '{key}' without a 'name' (a string)", path);
                if (key is "models" or "seeds" or "snapshots" or "analyses" or "sources" or "exposures" or "groups")
                    entry = RenderYamlEntry(file, yaml, entry, path);
                switch (key)
                {
                    case "models" or "seeds" or "snapshots" or "analyses": PatchNode(file, yaml, key, entry, path); break;
                    case "sources": ParseSource(file, yaml, entry, path); break;
                    case "macros": PatchMacro(file, entry); break;
                    case "exposures": ParseExposure(file, yaml, entry, path); break;
                    case "groups": ParseGroup(file, entry); break;
                    case "metrics": AddDataResource(file, ResourceType.Metric, entry, _manifest.Metrics); break;
                    case "semantic_models": AddDataResource(file, ResourceType.SemanticModel, entry, _manifest.SemanticModels); break;
                    case "saved_queries": AddDataResource(file, ResourceType.SavedQuery, entry, _manifest.SavedQueries); break;
                    case "unit_tests": AddDataResource(file, ResourceType.UnitTest, entry, _manifest.UnitTests, yaml.Position(path)); break;
                    case "data_tests": PatchSingularTest(file, yaml, RenderYamlEntry(file, yaml, entry, path), path); break;
                    // Other keys (e.g. 'data_tests' at top level, 'functions') are not resources Slipway parses yet.
                }
            }
        }
    }

    private static string? Str(IDictionary<string, object?> d, string key) =>
        d.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static OrderedDictionary<string, object?>? Dict(IDictionary<string, object?> d, string key) =>
        d.TryGetValue(key, out var v) && v is IDictionary<string, object?> m ? (OrderedDictionary<string, object?>)ConfigMerge.Copy(m)! : null;

    private static List<string> StrList(IDictionary<string, object?> d, string key) => d.TryGetValue(key, out var v) ? v switch
    {
        string s => [s],
        IList<object?> l => l.Select(x => Convert.ToString(x, CultureInfo.InvariantCulture) ?? "").ToList(),
        _ => [],
    } : [];

    private void PatchNode(SourceFile file, YamlValues yaml, string key, IDictionary<string, object?> entry, string[] path)
    {
        var name = (string)entry["name"]!;
        var pkg = file.PackageName;
        var prefix = key switch { "models" => "model", "seeds" => "seed", "snapshots" => "snapshot", _ => "analysis" };
        var testsKey = TestsKey(yaml, entry, path);

        if (key == "models" && entry.TryGetValue("versions", out var versionsValue) && versionsValue is IList<object?> versions)
        {
            var latest = Str(entry, "latest_version");
            var allVersions = versions.OfType<IDictionary<string, object?>>().Select(v => Str(v, "v")).Where(v => v is not null).ToList();
            latest ??= allVersions.OrderBy(v => double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : 0).LastOrDefault();
            for (var i = 0; i < versions.Count; i++)
            {
                if (versions[i] is not IDictionary<string, object?> ver) continue;
                var v = Str(ver, "v") ?? throw Error(yaml, $"has a version of model '{name}' without 'v:'", [.. path, "versions", i.ToString(CultureInfo.InvariantCulture)]);
                var definedIn = Str(ver, "defined_in") ?? $"{name}_v{v}";
                var node = _manifest.Nodes.GetValueOrDefault($"model.{pkg}.{definedIn}") as ModelNode;
                if (node is null)
                    throw Error(yaml, $"declares version {v} of model '{name}', but no file defines it: expected models/.../{definedIn}.sql (or set 'defined_in:')",
                        [.. path, "versions", i.ToString(CultureInfo.InvariantCulture)]);
                _manifest.Nodes.Remove(node.UniqueId);
                node.UniqueId = $"model.{pkg}.{name}.v{v}";
                node.Name = name;
                node.Version = v;
                node.LatestVersion = latest;
                node.Fqn = [.. node.Fqn.Take(node.Fqn.Count - 1), name, "v" + v];
                _manifest.Nodes[node.UniqueId] = node;
                var merged = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, val) in entry) if (k != "versions") merged[k] = val;
                foreach (var (k, val) in ver) merged[k] = k == "config" && merged.TryGetValue("config", out var baseConfig) && baseConfig is IDictionary<string, object?> bc && val is IDictionary<string, object?> vc
                    ? ConfigMerge.Merge(bc.AsReadOnly(), vc.AsReadOnly()) : val;
                ApplyPatch(file, yaml, node, merged, path, key, name, v, TestsKey(yaml, merged, path));
            }
            return;
        }

        var target = _manifest.Nodes.GetValueOrDefault($"{prefix}.{pkg}.{name}");
        if (target is null && key == "snapshots" && Str(entry, "relation") is { } relation)
            target = AddYamlSnapshot(file, yaml, entry, path, name, relation);
        if (target is null)
        {
            // dbt warns and still builds the tests, which then fail to find their model; keep that behaviour.
            QueueTests(file, yaml, entry, path, key, name, null, testsKey, []);
            return;
        }
        ApplyPatch(file, yaml, target, entry, path, key, name, null, testsKey);
    }

    /// <summary>Top-level <c>data_tests:</c> entries describe singular tests (description, config).</summary>
    private void PatchSingularTest(SourceFile file, YamlValues yaml, IDictionary<string, object?> entry, string[] path)
    {
        var name = (string)entry["name"]!;
        if (_manifest.Nodes.GetValueOrDefault($"test.{file.PackageName}.{name}") is not SingularTestNode node) return;
        node.PatchPath = $"{file.PackageName}://{file.OriginalFilePath}";
        node.Description = RenderDescription(Str(entry, "description") ?? "", file.PackageName, yaml, [.. path, "description"]);
        _drafts[node].PatchConfig = Dict(entry, "config") ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal);
    }

    private static string? TestsKey(YamlValues yaml, IDictionary<string, object?> entry, string[] path)
    {
        var hasTests = entry.ContainsKey("tests");
        var hasDataTests = entry.ContainsKey("data_tests");
        if (hasTests && hasDataTests) throw Error(yaml, "has both 'tests' and 'data_tests'; use only 'data_tests'", [.. path, "tests"]);
        return hasDataTests ? "data_tests" : hasTests ? "tests" : null;
    }

    private void ApplyPatch(SourceFile file, YamlValues yaml, ManifestNode node, IDictionary<string, object?> entry, string[] path,
        string key, string name, string? version, string? testsKey)
    {
        if (node.PatchPath is not null && version is null)
            throw Error(yaml, $"describes {key[..^1]} '{name}' a second time (it is already described in {node.PatchPath.Split("://")[1]})", path);
        var draft = _drafts[node];
        node.PatchPath = $"{file.PackageName}://{file.OriginalFilePath}";
        node.Description = RenderDescription(Str(entry, "description") ?? "", file.PackageName, yaml, [.. path, "description"]);
        node.DocBlocks = DocBlocksOf(Str(entry, "description"), file.PackageName);
        var config = Dict(entry, "config") ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        // Top-level docs/access/group/meta/tags are older spellings of the configs.
        foreach (var k in new[] { "docs", "access", "group" })
            if (entry.TryGetValue(k, out var v) && v is not null && !config.ContainsKey(k)) config[k] = ConfigMerge.Copy(v);
        if (Dict(entry, "meta") is { } meta) config["meta"] = config.TryGetValue("meta", out var cm) && cm is IDictionary<string, object?> cmd ? ConfigMerge.Merge(meta, new Dictionary<string, object?>(cmd)) : meta;
        if (entry.ContainsKey("tags")) config["tags"] = ConfigMerge.Listify(entry["tags"]).Concat(ConfigMerge.Listify(config.GetValueOrDefault("tags"))).Distinct().ToList();
        draft.PatchConfig = config;
        if (node is ModelNode model)
        {
            if (entry.TryGetValue("constraints", out var c) && c is IList<object?> cl) model.Constraints = cl.ToList();
            model.DeprecationDate = Str(entry, "deprecation_date");
        }
        if (entry.TryGetValue("columns", out var columns) && columns is IList<object?> cols)
        {
            for (var i = 0; i < cols.Count; i++)
            {
                if (cols[i] is not IDictionary<string, object?> col) continue;
                string[] colPath = [.. path, "columns", i.ToString(CultureInfo.InvariantCulture)];
                var column = ParseColumn(col, file.PackageName, yaml, colPath);
                node.Columns[column.Name] = column;
            }
        }
        QueueTests(file, yaml, entry, path, key, name, version, testsKey, []);
    }

    private ColumnInfo ParseColumn(IDictionary<string, object?> col, string package, YamlValues yaml, string[] path)
    {
        var name = Str(col, "name") ?? throw Error(yaml, "has a column without a 'name'", path);
        var config = Dict(col, "config") ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        var meta = Dict(col, "meta") ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        if (config.TryGetValue("meta", out var cm) && cm is IDictionary<string, object?> cmd) foreach (var (k, v) in cmd) meta[k] = v;
        var tags = StrList(col, "tags").Concat(config.TryGetValue("tags", out var ct) ? ConfigMerge.Listify(ct).Select(t => t?.ToString() ?? "") : []).Distinct().ToList();
        return new ColumnInfo
        {
            Name = name,
            Description = RenderDescription(Str(col, "description") ?? "", package, yaml, [.. path, "description"]),
            DocBlocks = DocBlocksOf(Str(col, "description"), package),
            DataType = Str(col, "data_type"),
            Meta = meta,
            Tags = tags,
            Quote = col.TryGetValue("quote", out var q) && q is bool b ? b : null,
            Constraints = col.TryGetValue("constraints", out var c) && c is IList<object?> cl ? cl.ToList() : [],
            Granularity = Str(col, "granularity"),
            Config = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["meta"] = ConfigMerge.Copy(meta), ["tags"] = tags.Cast<object?>().ToList() },
        };
    }

    /// <summary>Collects the model-level and column-level tests of one properties entry.</summary>
    private void QueueTests(SourceFile file, YamlValues yaml, IDictionary<string, object?> entry, string[] path, string key,
        string targetName, string? version, string? testsKey, List<string> tags, string? sourceName = null, string? tableName = null)
    {
        testsKey ??= TestsKey(yaml, entry, path);
        if (testsKey is not null && entry[testsKey] is IList<object?> tests)
        {
            for (var i = 0; i < tests.Count; i++)
            {
                var (line, column) = yaml.Position([.. path, testsKey, i.ToString(CultureInfo.InvariantCulture)]);
                _pendingTests.Add(new PendingTest(file, key, targetName, version, sourceName, tableName, null, tests[i], tags, line, column));
            }
        }
        if (entry.TryGetValue("columns", out var columns) && columns is IList<object?> cols)
        {
            for (var c = 0; c < cols.Count; c++)
            {
                if (cols[c] is not IDictionary<string, object?> col || Str(col, "name") is not { } colName) continue;
                string[] colPath = [.. path, "columns", c.ToString(CultureInfo.InvariantCulture)];
                var colKey = TestsKey(yaml, col, colPath);
                if (colKey is null || col[colKey] is not IList<object?> colTests) continue;
                var colTags = tags.Concat(StrList(col, "tags")).Distinct().ToList();
                for (var i = 0; i < colTests.Count; i++)
                {
                    var (line, column) = yaml.Position([.. colPath, colKey, i.ToString(CultureInfo.InvariantCulture)]);
                    _pendingTests.Add(new PendingTest(file, key, targetName, version, sourceName, tableName, colName, colTests[i], colTags, line, column));
                }
            }
        }
    }

    [GeneratedRegex(@"\{\{-?\s*doc\(\s*(['""])([^'""]+)\1\s*(?:,\s*(['""])([^'""]+)\3\s*)?\)\s*-?\}\}")]
    private static partial Regex DocCall();

    /// <summary>
    /// Descriptions are rendered as dbt's docs context does: <c>doc('name')</c>/<c>doc('package', 'name')</c> plus
    /// <c>var</c>, <c>env_var</c> and <c>target</c>. A lone doc() call (the common case) needs no Jinja.
    /// </summary>
    internal string RenderDescription(string text, string package, YamlValues? yaml, string[] path)
    {
        if (!text.Contains("{{", StringComparison.Ordinal) && !text.Contains("{%", StringComparison.Ordinal)) return text;
        var (line, column) = yaml?.Position(path) ?? (1, 1);
        var file = yaml?.File ?? "";
        var onlyDocCalls = DocCall().Replace(text, "");
        if (!onlyDocCalls.Contains("{{", StringComparison.Ordinal) && !onlyDocCalls.Contains("{%", StringComparison.Ordinal))
        {
            return DocCall().Replace(text, m =>
            {
                var (pkg, name) = m.Groups[4].Success ? (m.Groups[2].Value, m.Groups[4].Value) : ((string?)null, m.Groups[2].Value);
                return (FindDoc(name, pkg, package) ?? throw MissingDoc(name, file, line, column)).BlockContents;
            });
        }
        var globals = new ConfigRenderContext(VarsFor(package), _request.Environment, Target.ToJinjaTarget()).ToJinjaGlobals();
        globals["doc"] = new Slipway.Jinja.JinjaFunction("doc", a =>
        {
            var (pkg, name) = a.Positional.Count >= 2 ? (a.Positional[0]?.ToString(), a.Positional[1]?.ToString() ?? "") : (null, a.Get(0, "name")?.ToString() ?? "");
            return (FindDoc(name, pkg, package) ?? throw MissingDoc(name, file, line, column)).BlockContents;
        });
        try
        {
            return Jinja.RuntimeEnvironment.FromString(text, file).Render(globals);
        }
        catch (Exception e) when (e is Slipway.Jinja.TemplateError or Slipway.Jinja.JinjaRuntimeException or ProjectException)
        {
            if (e is Slipway.Jinja.TemplateError { InnerException: ParseException inner }) throw inner;
            throw new ParseException(file, line, column, $"has a description that could not be rendered: {e.Message}");
        }
    }

    /// <summary>dbt 1.10's <c>doc_blocks</c>: the unique ids of the docs blocks a description uses.</summary>
    private List<object?> DocBlocksOf(string? description, string package)
    {
        if (description is null || !description.Contains("doc(", StringComparison.Ordinal)) return [];
        return DocCall().Matches(description)
            .Select(m => FindDoc(m.Groups[4].Success ? m.Groups[4].Value : m.Groups[2].Value, m.Groups[4].Success ? m.Groups[2].Value : null, package)?.UniqueId)
            .Where(id => id is not null).Distinct().Cast<object?>().ToList();
    }

    private static ParseException MissingDoc(string name, string file, int line, int column) =>
        new(file, line, column, $"refers to the docs block '{name}' with doc(), but no {{% docs {name} %}} block was found");

    private Documentation? FindDoc(string name, string? explicitPackage, string nodePackage)
    {
        if (explicitPackage is not null) return _manifest.Docs.GetValueOrDefault($"doc.{explicitPackage}.{name}");
        return _manifest.Docs.GetValueOrDefault($"doc.{Root.Name}.{name}")
            ?? _manifest.Docs.GetValueOrDefault($"doc.{nodePackage}.{name}")
            ?? _manifest.Docs.Values.FirstOrDefault(d => d.Name == name);
    }

    /// <summary>
    /// dbt 1.9's YAML snapshots: <c>relation: ref('x')</c> (or a source) plus config become a snapshot node whose
    /// SQL is <c>select * from {{ relation }}</c>, defined by the properties file.
    /// </summary>
    private ManifestNode AddYamlSnapshot(SourceFile file, YamlValues yaml, IDictionary<string, object?> entry, string[] path, string name, string relation)
    {
        var call = ParseCallString(relation);
        if (call is null || call.Function is not ("ref" or "source"))
            throw Error(yaml, $"has snapshot '{name}' whose relation \"{relation}\" is not ref('model') or source('source', 'table')", [.. path, "relation"]);
        var pkg = file.PackageName;
        var rawCode = $"select * from {{{{ {relation.Trim().TrimStart('{').TrimEnd('}').Trim()} }}}}";
        var node = new SnapshotNode
        {
            UniqueId = $"snapshot.{pkg}.{name}", Name = name, PackageName = pkg, Path = file.Path, OriginalFilePath = file.OriginalFilePath,
            Fqn = [pkg, .. file.Folders, name], Schema = Target.Schema, Database = Target.Database, Alias = name, RawCode = rawCode,
            Checksum = FileChecksum.Sha256(rawCode), CreatedAt = _createdAt,
        };
        var draft = new NodeDraft(node, file) { Static = StaticTemplate.TryParse(rawCode), Line = yaml.Position(path).Line };
        draft.ProjectConfig = _resolver.Resolve(pkg, "snapshot", node.Fqn);
        _manifest.Nodes[node.UniqueId] = node;
        AddDraft(draft);
        return node;
    }

    /// <summary>Keys whose values dbt does not render while reading properties YAML (rendered later, or never).</summary>
    private static readonly HashSet<string> UnrenderedYamlKeys =
        ["description", "data_tests", "tests", "pre-hook", "post-hook", "pre_hook", "post_hook", "depends_on", "relation", "loaded_at_query"];

    /// <summary>
    /// dbt renders the Jinja in properties YAML (e.g. <c>schema: "{{ var('raw_schema') }}"</c>) with <c>var</c>,
    /// <c>env_var</c> and <c>target</c>, except descriptions (doc blocks), tests (rendered at compile time) and hooks.
    /// </summary>
    private IDictionary<string, object?> RenderYamlEntry(SourceFile file, YamlValues yaml, IDictionary<string, object?> entry, string[] path)
    {
        if (!ContainsJinja(entry)) return entry;
        var context = new ConfigRenderContext(VarsFor(file.PackageName), _request.Environment, Target.ToJinjaTarget());
        return (IDictionary<string, object?>)RenderYamlValue(entry, context, yaml, path)!;
    }

    private static bool ContainsJinja(object? value) => value switch
    {
        string s => NativeRenderer.HasJinja(s),
        IDictionary<string, object?> d => d.Values.Any(ContainsJinja),
        IList<object?> l => l.Any(ContainsJinja),
        _ => false,
    };

    private static object? RenderYamlValue(object? value, ConfigRenderContext context, YamlValues yaml, string[] path)
    {
        switch (value)
        {
            case string s when NativeRenderer.HasJinja(s):
                try { return NativeRenderer.Render(s, context, string.Join(".", path)); }
                catch (ProjectException e) { throw Error(yaml, StripLocation(e.Message), path); }
            case IDictionary<string, object?> d:
                var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, v) in d)
                    result[k] = UnrenderedYamlKeys.Contains(k) ? v : RenderYamlValue(v, context, yaml, [.. path, k]);
                return result;
            case IList<object?> l:
                return l.Select((item, i) => RenderYamlValue(item, context, yaml, [.. path, i.ToString(CultureInfo.InvariantCulture)])).ToList();
            default:
                return value;
        }
    }
}
