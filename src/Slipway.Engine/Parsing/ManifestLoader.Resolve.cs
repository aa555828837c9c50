using System.Globalization;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Parsing;

internal sealed partial class ManifestLoader
{
    /// <summary>
    /// database/schema/alias through <c>generate_database_name</c>/<c>generate_schema_name</c>/<c>generate_alias_name</c>.
    /// When neither the root project nor the node's package overrides a macro, its documented default is computed
    /// here directly (the common case, and 10k macro renders saved); otherwise the override is rendered.
    /// </summary>
    private void GenerateRelationNames()
    {
        foreach (var node in _manifest.Nodes.Values.Concat(_manifest.Disabled.Values.SelectMany(l => l).OfType<ManifestNode>()))
            GenerateRelationName(node);
    }

    private void GenerateRelationName(ManifestNode node)
    {
        var config = node.Config;
        if (node is SnapshotNode && config.GetString("target_database") is { } targetDb) node.Database = targetDb;
        else node.Database = GenerateName("generate_database_name", config.Database, node);
        if (node is SnapshotNode && config.GetString("target_schema") is { } targetSchema) node.Schema = targetSchema;
        else node.Schema = GenerateName("generate_schema_name", config.Schema, node) ?? Target.Schema;
        node.Alias = GenerateName("generate_alias_name", config.Alias, node) ?? node.Name;
        var relational = node is ModelNode or SeedNode or SnapshotNode
            || (node is GenericTestNode or SingularTestNode && config.Get("store_failures") is true);
        node.RelationName = relational && !node.IsEphemeral ? RenderRelation(node) : null;
    }

    internal string RenderRelation(ManifestNode node)
    {
        var q = node.Config.Get("quoting") as IDictionary<string, object?>;
        var quoting = q is null || q.Count == 0 ? _quoting : new Compilation.RelationQuoting(
            // `is bool` rather than `as bool?`: ReadyToRun cannot precompile unboxing to a nullable primitive.
            q.GetValueOrDefault("database") is bool database ? database : _quoting.Database,
            q.GetValueOrDefault("schema") is bool schema ? schema : _quoting.Schema,
            q.GetValueOrDefault("identifier") is bool identifier ? identifier : _quoting.Identifier);
        return quoting.Render(node.Database, node.Schema, node.Alias);
    }

    /// <summary>The project macro that overrides <paramref name="macroName"/> for nodes of <paramref name="package"/>, if any.</summary>
    internal string? NameMacroOverride(string macroName, string package)
    {
        if (package != Root.Name && MacrosByPackage.TryGetValue(package, out var own) && own.TryGetValue(macroName, out var ownId)) return ownId;
        return MacrosByPackage.TryGetValue(Root.Name, out var root) && root.TryGetValue(macroName, out var id) ? id : null;
    }

    private string? GenerateName(string macroName, string? custom, ManifestNode node)
    {
        if (NameMacroOverride(macroName, node.PackageName) is { } overrideId)
            return RenderNameMacro(overrideId, custom, node)?.Trim();
        return macroName switch
        {
            "generate_database_name" => custom is null ? Target.Database : custom.Trim(),
            "generate_schema_name" => custom is null ? Target.Schema : $"{Target.Schema}_{custom.Trim()}",
            _ => !string.IsNullOrEmpty(custom) ? custom.Trim()
                : node is ModelNode { Version: { } v } ? $"{node.Name}_v{v.Replace('.', '_')}" : node.Name,
        };
    }

    /// <summary>Resolves refs and sources into <c>depends_on.nodes</c> (call order, de-duplicated).</summary>
    private void ResolveDependencies()
    {
        ResolveNodeDependencies(_manifest.Nodes.Values.ToList());
        foreach (var e in _manifest.Exposures.Values)
        {
            foreach (var r in e.Refs) e.DependsOn.AddNode(ResolveRefOrThrow(r, e));
            foreach (var s in e.Sources) e.DependsOn.AddNode(ResolveSourceOrThrow(s[0], s[1], e));
            foreach (var m in e.Metrics)
            {
                var id = $"metric.{(m.Length > 1 ? m[0] : e.PackageName)}.{m[^1]}";
                if (_manifest.Metrics.ContainsKey(id)) e.DependsOn.AddNode(id);
            }
        }
        foreach (var d in _manifest.SemanticModels.Values.Concat(_manifest.UnitTests.Values))
        {
            foreach (var r in d.Refs)
            {
                var id = ResolveRefOrThrow(r, d);
                d.DependsOn.AddNode(id);
                var model = _manifest.Nodes[id];
                if (d.ResourceType == ResourceType.UnitTest) d.Schema = model.Schema;
                else d.NodeRelation = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["alias"] = model.Alias, ["schema_name"] = model.Schema, ["database"] = model.Database, ["relation_name"] = model.RelationName,
                };
            }
        }
    }

    /// <summary>Resolves the refs and sources of <paramref name="nodes"/>; tests whose target is missing are disabled.</summary>
    private void ResolveNodeDependencies(List<ManifestNode> nodes)
    {
        var orphanTests = new List<ManifestNode>();
        foreach (var node in nodes)
        {
            try
            {
                foreach (var r in node.Refs)
                {
                    var id = ResolveRefOrThrow(r, node);
                    CheckAccess(node, _manifest.Nodes[id]);
                    node.DependsOn.AddNode(id);
                }
                foreach (var s in node.Sources) node.DependsOn.AddNode(ResolveSourceOrThrow(s[0], s[1], node));
            }
            catch (ManifestException e) when (node is GenericTestNode or SingularTestNode && !e.Message.Contains("attempted to reference", StringComparison.Ordinal))
            {
                // dbt disables a test whose model or source is missing or disabled, with a warning, instead of failing.
                Warnings.Add(e.Message.Replace(" which was not found.", " which was not found; the test is disabled.")
                    .Replace(" which is disabled.", " which is disabled; the test is disabled too."));
                orphanTests.Add(node);
                continue;
            }
            if (_drafts.TryGetValue(node, out var draft) && draft.Static is null && node is not SeedNode)
                foreach (var id in FindMacroCalls(node.RawCode, node.PackageName)) node.DependsOn.AddMacro(id);
        }
        foreach (var test in orphanTests)
        {
            _manifest.Nodes.Remove(test.UniqueId);
            test.Config.Enabled = false;
            AddDisabled(test);
        }
    }

    private Dictionary<string, List<ManifestNode>>? _refableByName;

    /// <summary>Refable nodes (enabled and disabled) by name, built once configs are final.</summary>
    private Dictionary<string, List<ManifestNode>> RefableByName()
    {
        if (_refableByName is not null) return _refableByName;
        var index = new Dictionary<string, List<ManifestNode>>(StringComparer.Ordinal);
        foreach (var n in _manifest.Nodes.Values.Concat(_manifest.Disabled.Values.SelectMany(l => l).OfType<ManifestNode>()))
        {
            if (!n.IsRefable) continue;
            if (!index.TryGetValue(n.Name, out var list)) index[n.Name] = list = [];
            list.Add(n);
        }
        return _refableByName = index;
    }

    /// <summary>A model with <c>access: private</c> may only be referenced from its own group (dbt's private-ref rule).</summary>
    private static void CheckAccess(ManifestNode from, ManifestNode target)
    {
        if (target is not ModelNode { Access: "private" } || from is SqlOperationNode) return;
        if (from.Group is not null && from.Group == target.Group) return;
        throw new ManifestException(
            $"Node {from.UniqueId} attempted to reference node {target.UniqueId}, which is not allowed because the referenced node is private to the '{target.Group}' group.");
    }

    /// <summary>dbt's ref lookup: an explicit package only; otherwise the root project, the node's package, then any.</summary>
    internal ManifestNode? FindRefable(string name, string nodePackage, string? version, bool includeDisabled = false, string? explicitPackage = null)
    {
        if (!RefableByName().TryGetValue(name, out var all)) return null;
        var list = includeDisabled ? all : all.Where(n => n.Config.Enabled && _manifest.Nodes.ContainsKey(n.UniqueId)).ToList();
        if (list.Count == 0) return null;
        IEnumerable<string?> packages = explicitPackage is not null ? [explicitPackage] : [Root.Name, nodePackage, null];
        foreach (var pkg in packages)
        {
            var inPackage = pkg is null ? list : list.Where(n => n.PackageName == pkg).ToList();
            if (inPackage.Count == 0) continue;
            if (version is not null)
                return inPackage.FirstOrDefault(n => n is ModelNode m && VersionEquals(m.Version, version));
            return inPackage.FirstOrDefault(n => n is not ModelNode { Version: not null } || ((ModelNode)n).Version == ((ModelNode)n).LatestVersion)
                ?? inPackage[0];
        }
        return null;
    }

    private static bool VersionEquals(string? a, string b) =>
        a == b || (double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
                   && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && x == y);

    private string ResolveRefOrThrow(RefCall r, GraphResource from)
    {
        var found = FindRefable(r.Name, from.PackageName, r.Version, explicitPackage: r.Package);
        if (found is not null) return found.UniqueId;
        var disabled = RefableByName().TryGetValue(r.Name, out var sameName)
            && sameName.Any(n => !_manifest.Nodes.ContainsKey(n.UniqueId) && (r.Package is null || n.PackageName == r.Package));
        var what = r.Package is null ? $"'{r.Name}'" : $"'{r.Package}.{r.Name}'";
        if (r.Version is not null) what += $" (version {r.Version})";
        var reason = disabled ? "which is disabled" : "which was not found";
        var suggestion = disabled ? "" : Suggest(r.Name, _manifest.Nodes.Values.Where(n => n.IsRefable).Select(n => n.Name));
        throw new ManifestException($"{Locate(from, "ref", r.Name)}{Describe(from)} depends on a node named {what} {reason}.{suggestion}");
    }

    private string ResolveSourceOrThrow(string sourceName, string tableName, GraphResource from)
    {
        foreach (var pkg in new[] { Root.Name, from.PackageName })
            if (_manifest.Sources.ContainsKey($"source.{pkg}.{sourceName}.{tableName}")) return $"source.{pkg}.{sourceName}.{tableName}";
        var any = _manifest.Sources.Values.FirstOrDefault(s => s.SourceName == sourceName && s.Name == tableName);
        if (any is not null) return any.UniqueId;
        var suggestion = Suggest($"{sourceName}.{tableName}", _manifest.Sources.Values.Select(s => $"{s.SourceName}.{s.Name}"));
        throw new ManifestException($"{Locate(from, "source", tableName)}{Describe(from)} depends on a source named '{sourceName}.{tableName}' which was not found.{suggestion}");
    }

    /// <summary>"file:line:column: " of the first <c>ref(...'name')</c> (or source) call in a node's SQL, when it can be found.</summary>
    private string Locate(GraphResource r, string function, string name)
    {
        if (r is not ManifestNode { RawCode: { Length: > 0 } code } || r is GenericTestNode) return "";
        var m = System.Text.RegularExpressions.Regex.Match(code,
            function + @"\s*\((?:[^()]*?,\s*)?['""]" + System.Text.RegularExpressions.Regex.Escape(name) + "['\"]");
        if (!m.Success) return "";
        var (line, column) = BlockExtractor.LineColumn(code, m.Index);
        if (r is ManifestNode node && _drafts.TryGetValue(node, out var draft)) line += draft.Line - 1;
        return $"{r.OriginalFilePath}:{line}:{column}: ";
    }

    private static string Describe(GraphResource r)
    {
        var kind = r.ResourceType.ToDbtString();
        return $"{char.ToUpperInvariant(kind[0])}{kind[1..]} '{r.UniqueId}' ({r.OriginalFilePath})";
    }

    /// <summary>" Did you mean 'x'?" with the closest names by edit distance, when one is close enough.</summary>
    internal static string Suggest(string wanted, IEnumerable<string> names)
    {
        var best = names.Distinct()
            .Select(n => (Name: n, Distance: EditDistance(wanted.ToLowerInvariant(), n.ToLowerInvariant())))
            .Where(x => x.Distance <= Math.Max(2, wanted.Length / 3))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal).Take(3).Select(x => $"'{x.Name}'").ToList();
        return best.Count == 0 ? "" : $" Did you mean {string.Join(" or ", best)}?";
    }

    private static int EditDistance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (var j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }

    /// <summary>on-run-start/on-run-end become operation nodes, one per hook, as dbt names them.</summary>
    private void AddHooks()
    {
        foreach (var p in _projects)
        {
            foreach (var (kind, hooks) in new[] { ("on-run-start", p.OnRunStart), ("on-run-end", p.OnRunEnd) })
            {
                for (var i = 0; i < hooks.Count; i++)
                {
                    var name = $"{p.Name}-{kind}-{i}";
                    var hook = new HookNode
                    {
                        UniqueId = $"operation.{p.Name}.{name}", Name = name, PackageName = p.Name,
                        Path = $"hooks/{name}.sql", OriginalFilePath = "./dbt_project.yml", Fqn = [p.Name, "hooks", name],
                        Schema = Target.Schema, Database = Target.Database, Alias = name, RawCode = hooks[i], Index = i,
                        Checksum = FileChecksum.Sha256(hooks[i]), CreatedAt = _createdAt, Tags = [kind],
                    };
                    hook.Config = new NodeConfig(ConfigDefaults.For(ResourceType.Operation));
                    hook.Config.Values["tags"] = new List<object?> { kind };
                    foreach (var id in FindMacroCalls(hooks[i], p.Name)) hook.DependsOn.AddMacro(id);
                    _manifest.Nodes[hook.UniqueId] = hook;
                }
            }
        }
    }

    /// <summary>A cycle in refs is an error that prints the cycle (dbt: "Found a cycle: a --> b --> a").</summary>
    private void CheckForCycles()
    {
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new List<string>();
        foreach (var start in _manifest.Nodes.Keys)
        {
            if (state.ContainsKey(start)) continue;
            // Iterative DFS so a 10k-deep chain cannot overflow the stack.
            var work = new Stack<(string Id, int Next)>();
            work.Push((start, 0));
            state[start] = 1;
            stack.Add(start);
            while (work.Count > 0)
            {
                var (id, next) = work.Pop();
                var parents = _manifest.ParentMap.GetValueOrDefault(id) ?? [];
                if (next < parents.Count)
                {
                    work.Push((id, next + 1));
                    var parent = parents[next];
                    if (!_manifest.Nodes.ContainsKey(parent)) continue;
                    var s = state.GetValueOrDefault(parent);
                    if (s == 1)
                    {
                        var cycle = stack.Skip(stack.IndexOf(parent)).Append(parent).Reverse().ToList();
                        throw new ManifestException($"Found a cycle: {string.Join(" --> ", cycle)}");
                    }
                    if (s == 0)
                    {
                        state[parent] = 1;
                        stack.Add(parent);
                        work.Push((parent, 0));
                    }
                }
                else
                {
                    state[id] = 2;
                    stack.RemoveAt(stack.Count - 1);
                }
            }
        }
    }
}
