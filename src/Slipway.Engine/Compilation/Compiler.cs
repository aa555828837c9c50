using System.Collections.Concurrent;
using Slipway.Engine.Contexts;
using Slipway.Engine.Manifest;
using Slipway.Engine.Parsing;
using Slipway.Jinja;

namespace Slipway.Engine.Compilation;

/// <summary>
/// Compiles nodes: renders their SQL with the run-time context (or substitutes relation names directly for
/// statically parsed models), injects ephemeral models as CTEs the way dbt does, and writes
/// <c>target/compiled/&lt;package&gt;/&lt;path&gt;</c>. Rendering runs in parallel; CTE injection afterwards.
/// </summary>
internal sealed partial class Compiler
{
    private readonly ParseResult _parse;
    // Values and keys are classes, not tuples: a collection over a value type is JIT-compiled at every start (ReadyToRun
    // cannot hold the framework's generic code for our types), one over references shares precompiled code.
    private readonly ConcurrentDictionary<string, RenderedSql> _rendered = new(StringComparer.Ordinal);

    private sealed record RenderedSql(string Sql, List<ManifestNode> Ephemerals);
    private readonly Lazy<IDictionary<string, object?>> _flatGraph;

    public Compiler(ParseResult parse)
    {
        _parse = parse;
        _flatGraph = new Lazy<IDictionary<string, object?>>(BuildFlatGraph, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public ManifestLoader Loader => _parse.Loader;
    public Manifest.Manifest Manifest => _parse.Manifest;
    public RelationQuoting Quoting => Loader.Quoting;
    public IDictionary<string, object?> FlatGraph => _flatGraph.Value;
    /// <summary>dbt's <c>selected_resources</c>: the unique ids the command selected.</summary>
    public List<object?> SelectedResources { get; set; } = [];

    /// <summary>
    /// Set when executing: binds the run-time names (a connected <c>adapter</c>, <c>run_query</c> results, …) after
    /// ref/source/config, so models that query the warehouse while compiling see real answers.
    /// </summary>
    public Action<RenderScope, ManifestNode>? RuntimeBinder { get; set; }

    /// <summary><c>--empty</c>: ref() and source() render as a subquery with no rows, so models build their shape only.</summary>
    public bool Empty { get; set; }

    /// <summary><c>--sample</c>: refs and sources with an <c>event_time</c> are filtered to this window in models and snapshots.</summary>
    public Execution.Microbatch.EventTimeWindow? Sample { get; set; }

    /// <summary>
    /// What ref()/source() return in <paramref name="from"/>'s templates (dbt's <c>resolve_limit</c> and
    /// <c>resolve_event_time_filter</c>): the relation, limited to no rows under <c>--empty</c>, and filtered on the
    /// upstream's <c>event_time</c> to the microbatch <paramref name="batch"/> (narrowed by <c>--sample</c>) or, in
    /// any other model or snapshot, to the <c>--sample</c> window.
    /// </summary>
    public Slipway.Adapters.Relations.Relation RefValue(Slipway.Adapters.Relations.Relation relation, NodeConfig upstream, ManifestNode from,
        Execution.Microbatch.EventTimeWindow? batch = null)
    {
        string? filter = null;
        if (upstream.GetString("event_time") is { Length: > 0 } field && from.ResourceType is ResourceType.Model or ResourceType.Snapshot)
        {
            var window = batch is not null ? batch.Intersect(Sample) : Sample;
            filter = window?.Filter(field);
        }
        return Empty || filter is not null ? relation.WithSubquery(Empty ? 0 : null, filter) : relation;
    }

    /// <summary>Compiles <paramref name="nodes"/> (and the ephemeral models they use) and fills compiled_code etc.</summary>
    public void Compile(IReadOnlyCollection<ManifestNode> nodes)
    {
        var queue = nodes.Where(n => n is not SeedNode and not HookNode).ToList();
        Render(queue);
        foreach (var node in queue) Inject(node);
    }

    /// <summary>
    /// Renders <paramref name="node"/> (and the ephemeral models it uses) ahead of its turn without touching the node:
    /// its later <see cref="Compile"/> finds the SQL rendered and only injects the CTEs. A run's compile-ahead calls it.
    /// </summary>
    public void Prerender(ManifestNode node)
    {
        if (node is SeedNode or HookNode || _rendered.ContainsKey(node.UniqueId)) return;
        Render([node]);
    }

    private void Render(List<ManifestNode> queue)
    {
        // A node rendered ahead (or earlier in this invocation) had its ephemerals closed then.
        var pending = queue.FindAll(n => !_rendered.ContainsKey(n.UniqueId));
        if (pending.Count == 0) return;
        RenderAll(pending);
        // Ephemeral models referenced by the selection must be rendered too, transitively. Only what this call
        // rendered can add new ones (earlier calls closed theirs), so a run compiling node by node stays linear.
        var rendered = pending;
        while (true)
        {
            var missing = rendered.SelectMany(n => _rendered.TryGetValue(n.UniqueId, out var r) ? r.Ephemerals : Enumerable.Empty<ManifestNode>())
                .Where(e => !_rendered.ContainsKey(e.UniqueId)).Distinct().ToList();
            if (missing.Count == 0) break;
            RenderAll(missing);
            rendered = missing;
        }
    }

    private void RenderAll(List<ManifestNode> nodes)
    {
        var host = Loader.Jinja;
        // Errors are rare: a plain list under a lock, made on the first one (a ConcurrentBag per call cost a
        // ThreadLocal and a finalizer for every node a run compiles).
        List<(int, Exception)>? errors = null;
        void Fail(int i, Exception e)
        {
            lock (nodes) (errors ??= []).Add((i, e));
        }
        var chunk = Math.Max(1, nodes.Count / (4 * Environment.ProcessorCount) + 1);
        void Render(Tuple<int, int> range)
        {
            RenderScope? scope = null;
            try
            {
                for (var i = range.Item1; i < range.Item2; i++)
                {
                    var node = nodes[i];
                    if (_rendered.ContainsKey(node.UniqueId)) continue;
                    try
                    {
                        var (sql, ephemerals) = Loader.DraftOf(node)?.Static is { } st && node is not GenericTestNode
                            ? RenderStatic(st, node)
                            : RenderJinja(scope ??= host.Rent(runtime: true), node);
                        _rendered[node.UniqueId] = new RenderedSql(sql, ephemerals);
                    }
                    catch (Exception e) when (e is CompilerException or ManifestException or ParseException) { Fail(i, e); }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        Fail(i, new CompilerException($"Compilation Error in {node.ResourceType.ToDbtString()} {node.Name} ({node.OriginalFilePath}): {e.Message}"));
                    }
                }
            }
            finally { if (scope is not null) host.Release(scope); }
        }
        // A run compiles one node at a time, on its worker thread: no thread pool hand-off for a single node.
        if (nodes.Count == 1) Render(Tuple.Create(0, 1));
        else Parallel.ForEach(Partitioner.Create(0, nodes.Count, chunk), Render);
        if (errors is not null) throw errors.OrderBy(e => e.Item1).First().Item2;
    }

    /// <summary>The fast path: the static template's calls replaced by the relation names Jinja would print.</summary>
    private (string, List<ManifestNode>) RenderStatic(StaticTemplate template, ManifestNode node)
    {
        var sb = new System.Text.StringBuilder(node.RawCode.Length + 64);
        var ephemerals = new List<ManifestNode>();
        foreach (var segment in template.Segments)
        {
            if (segment is string text) { sb.Append(text); continue; }
            var call = (StaticCall)segment;
            switch (call.Function)
            {
                case "ref":
                    var (name, package) = call.Positional.Count >= 2 ? (call.Positional[1]?.ToString() ?? "", call.Positional[0]?.ToString()) : (call.Positional.FirstOrDefault()?.ToString() ?? "", null);
                    var version = (call.Keyword.GetValueOrDefault("v") ?? call.Keyword.GetValueOrDefault("version"))?.ToString();
                    var target = ResolveRef(name, package, version, node);
                    if (target.IsEphemeral)
                    {
                        if (!ephemerals.Contains(target)) ephemerals.Add(target);
                        sb.Append(CteInjector.Prefix).Append(target.Name);
                    }
                    else sb.Append(RefValue(RelationOf(target), target.Config, node));
                    break;
                case "source":
                    var source = ResolveSource(call.Positional[0]?.ToString() ?? "", call.Positional[1]?.ToString() ?? "", node);
                    sb.Append(Empty || Sample is not null
                        ? RefValue(Quoting.Relation(source.Database, source.Schema, source.Identifier, "table"), source.Config, node).ToString()
                        : source.RelationName);
                    break;
            }
        }
        return (sb.ToString(), ephemerals);
    }

    private (string, List<ManifestNode>) RenderJinja(RenderScope scope, ManifestNode node,
        Execution.Microbatch.EventTimeWindow? batch = null, Action<RenderScope>? extra = null)
    {
        var provider = new RuntimeProvider(this, node, batch);
        provider.Bind(scope);
        RuntimeBinder?.Invoke(scope, node);
        extra?.Invoke(scope);
        try
        {
            if (node is GenericTestNode test)
                scope.Context[ManifestLoader.GenericTestKwargsName] = RenderKwargs(scope, test.TestMetadata.Kwargs, node);
            var template = Loader.Jinja.Compile(node.RawCode, node.OriginalFilePath, runtime: true);
            return (template.Render(scope.Context), provider.Ephemerals);
        }
        catch (TemplateError e)
        {
            // The error may sit in a macro file the node called: name the file the template came from.
            throw new CompilerException($"Compilation Error in {node.ResourceType.ToDbtString()} {node.Name} ({node.OriginalFilePath}): {e.TemplateName ?? node.OriginalFilePath}:{e.Line}:{e.Column}: {e.Description}");
        }
        catch (Exception e) when (e is CompilerException or JinjaRuntimeException)
        {
            throw new CompilerException($"Compilation Error in {node.ResourceType.ToDbtString()} {node.Name} ({node.OriginalFilePath}): {e.Message}");
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\{\{ get_where_subquery\((ref|source)\((.*)\)\) \}\}$")]
    private static partial System.Text.RegularExpressions.Regex WhereSubqueryCall();

    private bool? _whereSubqueryOverridden;

    /// <summary>
    /// The <c>model</c> argument of a generic test is always <c>{{ get_where_subquery(ref(...)) }}</c>; unless a
    /// project overrides that macro, its documented result is computed here (the relation, or
    /// <c>(select * from … where …) dbt_subquery</c> with a <c>where</c> config) instead of rendering 10k templates.
    /// </summary>
    private object? WhereSubqueryFastPath(string text, ManifestNode node)
    {
        _whereSubqueryOverridden ??= new[] { "get_where_subquery", "default__get_where_subquery", Loader.Target.Type + "__get_where_subquery" }
            .Any(name => Loader.MacrosByPackage.Any(p => p.Key != ManifestLoader.InternalPackage && p.Value.ContainsKey(name)));
        if (_whereSubqueryOverridden.Value) return null;
        var m = WhereSubqueryCall().Match(text);
        if (!m.Success) return null;
        var call = ManifestLoader.ParseCallString(m.Groups[1].Value + "(" + m.Groups[2].Value + ")");
        if (call is null) return null;
        Slipway.Adapters.Relations.Relation relation;
        if (call.Function == "ref")
        {
            var (name, package) = call.Positional.Count >= 2 ? (call.Positional[1]?.ToString() ?? "", call.Positional[0]?.ToString()) : (call.Positional.FirstOrDefault()?.ToString() ?? "", null);
            var version = (call.Keyword.GetValueOrDefault("v") ?? call.Keyword.GetValueOrDefault("version"))?.ToString();
            var target = ResolveRef(name, package, version, node);
            if (target.IsEphemeral) return null;
            relation = RelationOf(target);
        }
        else
        {
            if (call.Positional.Count < 2) return null;
            var source = ResolveSource(call.Positional[0]?.ToString() ?? "", call.Positional[1]?.ToString() ?? "", node);
            relation = Quoting.Relation(source.Database, source.Schema, source.Identifier, "table");
        }
        var where = node.Config.Get("where") as string;
        return string.IsNullOrEmpty(where) ? relation : $"(select * from {relation.Render()} where {where}) dbt_subquery";
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(env_var|ref|var|source|doc)\s*\(.+\)\s*$", System.Text.RegularExpressions.RegexOptions.Singleline)]
    private static partial System.Text.RegularExpressions.Regex LooksLikeFunction();

    /// <summary>
    /// dbt's <c>add_rendered_test_kwargs</c>: every string argument except <c>column_name</c> is rendered natively
    /// (so <c>model</c> becomes a relation and "5" a number), and a bare <c>ref(...)</c>/<c>source(...)</c>/
    /// <c>var(...)</c> string is first wrapped in <c>{{ }}</c>.
    /// </summary>
    private object? RenderKwargs(RenderScope scope, object? value, ManifestNode node, string? topKey = null)
    {
        switch (value)
        {
            case string s:
                if (topKey == "column_name") return s;
                if (topKey == "model" && WhereSubqueryFastPath(s, node) is { } relation) return relation;
                if (LooksLikeFunction().IsMatch(s)) s = "{{ " + s + " }}";
                return Loader.Jinja.Compile(s, node.OriginalFilePath, runtime: true).RenderNative(scope.Context);
            case IDictionary<string, object?> d:
                var result = new Dictionary<string, object?>(StringComparer.Ordinal);
                foreach (var (k, v) in d) result[k] = RenderKwargs(scope, v, node, topKey ?? k);
                return result;
            case IList<object?> l:
                return l.Select(x => RenderKwargs(scope, x, node, topKey ?? "")).ToList();
            default:
                return value;
        }
    }
}
