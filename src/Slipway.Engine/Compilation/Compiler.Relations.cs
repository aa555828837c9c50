using Slipway.Engine.Artifacts;
using Slipway.Engine.Contexts;
using Slipway.Engine.Manifest;
using Slipway.Engine.Parsing;

namespace Slipway.Engine.Compilation;

internal sealed partial class Compiler
{
    public ManifestNode ResolveRef(string name, string? package, string? version, ManifestNode from) =>
        Loader.FindRefable(name, from.PackageName, version, explicitPackage: package)
        ?? throw new CompilerException($"{from.UniqueId} ({from.OriginalFilePath}) depends on a node named '{name}' which was not found");

    public SourceDefinition ResolveSource(string sourceName, string tableName, ManifestNode from)
    {
        foreach (var pkg in new[] { Loader.Root.Name, from.PackageName })
            if (Manifest.Sources.TryGetValue($"source.{pkg}.{sourceName}.{tableName}", out var s)) return s;
        return Manifest.Sources.Values.FirstOrDefault(s => s.SourceName == sourceName && s.Name == tableName)
            ?? throw new CompilerException($"{from.UniqueId} ({from.OriginalFilePath}) depends on a source named '{sourceName}.{tableName}' which was not found");
    }

    public Slipway.Adapters.Relations.Relation RelationOf(ManifestNode node)
    {
        var type = node.Config.Materialized switch
        {
            "view" => "view",
            "ephemeral" => "cte",
            "materialized_view" => "materialized_view",
            null => null,
            _ => "table",
        };
        var q = node.Config.Get("quoting") as IDictionary<string, object?>;
        var quoting = q is null || q.Count == 0 ? Quoting : new RelationQuoting(
            q.GetValueOrDefault("database") as bool? ?? Quoting.Database,
            q.GetValueOrDefault("schema") as bool? ?? Quoting.Schema,
            q.GetValueOrDefault("identifier") as bool? ?? Quoting.Identifier);
        return quoting.Relation(node.Database, node.Schema, node.Alias, type);
    }

    /// <summary>dbt's <c>_add_ctes</c>: a node's ephemeral dependencies, deepest first, each once, then injected.</summary>
    private void Inject(ManifestNode node)
    {
        var (sql, _) = _rendered[node.UniqueId];
        var ctes = new List<InjectedCte>();
        CollectCtes(node, ctes, new HashSet<string>(StringComparer.Ordinal));
        node.ExtraCtes = ctes;
        node.ExtraCtesInjected = true;
        node.CompiledCode = CteInjector.Inject(sql, ctes.Select(c => c.Sql).ToList());
        node.Compiled = true;
    }

    private void CollectCtes(ManifestNode node, List<InjectedCte> into, HashSet<string> seen)
    {
        foreach (var eph in _rendered[node.UniqueId].Ephemerals)
        {
            if (!seen.Add(eph.UniqueId)) continue;
            CollectCtes(eph, into, seen);
            into.Add(new InjectedCte(eph.UniqueId, CteInjector.CteSql(eph.Name, _rendered[eph.UniqueId].Sql)));
        }
    }

    /// <summary>dbt's write path: <c>original_file_path</c> when the node is its file, else <c>original_file_path/path</c>.</summary>
    public static string CompiledPath(string targetPath, ManifestNode node, string subdirectory = "compiled")
    {
        var path = Path.GetFileName(node.Path) == Path.GetFileName(node.OriginalFilePath)
            ? node.OriginalFilePath
            : node.OriginalFilePath + "/" + node.Path;
        return $"{targetPath.TrimEnd('/')}/{subdirectory}/{node.PackageName}/{path}";
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _compiledFolders = new(StringComparer.Ordinal);

    /// <summary>Writes each compiled node to <c>target/compiled/…</c> and sets its <c>compiled_path</c>.</summary>
    public void WriteCompiled(IEnumerable<ManifestNode> nodes, string projectRoot, string targetPath, Execution.TargetFileWriter? writer = null)
    {
        // Plain loops: a run calls this once per node with a single node.
        var compiled = new List<(ManifestNode Node, string File)>();
        foreach (var node in nodes)
        {
            if (!node.Compiled || node.CompiledCode is null) continue;
            node.CompiledPath = CompiledPath(targetPath, node);
            var file = Path.Combine(projectRoot, node.CompiledPath);
            // Each folder is created once per process (10k nodes share a few hundred folders; creating one walks
            // the path, and a run writes its nodes one at a time). Marked only once it exists: threads compiling
            // nodes in the same folder may both create it, never write into it before it is there.
            var folder = Path.GetDirectoryName(file)!;
            if (!_compiledFolders.ContainsKey(folder))
            {
                Directory.CreateDirectory(folder);
                _compiledFolders.TryAdd(folder, folder);
            }
            compiled.Add((node, file));
        }
        void Write((ManifestNode Node, string File) item) => Execution.TargetFiles.Write(writer, item.File, item.Node.CompiledCode!, folderReady: true);
        // A run compiles one node at a time (its files go to the run's file thread, or are written here): handing one
        // file to the thread pool costs more than writing it.
        if (compiled.Count == 1 || writer is not null) compiled.ForEach(Write);
        else Parallel.ForEach(compiled, Write);
    }

    /// <summary>dbt's <c>graph</c>: every node, source, exposure, … as its manifest dictionary.</summary>
    private IDictionary<string, object?> BuildFlatGraph()
    {
        OrderedDictionary<string, object?> Of<T>(IEnumerable<KeyValuePair<string, T>> items) where T : GraphResource
        {
            var d = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (k, v) in items) d[k] = NodeDicts.Of(v);
            return d;
        }
        var groups = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, g) in Manifest.Groups)
        {
            using var stream = new MemoryStream();
            using (var w = new System.Text.Json.Utf8JsonWriter(stream)) ManifestWriter.WriteGroup(w, g);
            groups[k] = NodeDicts.ToPlain(System.Text.Json.JsonDocument.Parse(stream.ToArray()).RootElement);
        }
        return new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["nodes"] = Of(Manifest.Nodes),
            ["sources"] = Of(Manifest.Sources),
            ["exposures"] = Of(Manifest.Exposures),
            ["groups"] = groups,
            ["metrics"] = Of(Manifest.Metrics),
            ["semantic_models"] = Of(Manifest.SemanticModels),
            ["saved_queries"] = Of(Manifest.SavedQueries),
        };
    }
}
