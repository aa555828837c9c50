using System.Globalization;
using Slipway.Adapters.Columns;
using Slipway.Adapters.Results;
using Slipway.Engine.Compilation;
using Slipway.Engine.Execution;
using Slipway.Engine.Manifest;
using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Engine.Contexts;

/// <summary>
/// The names dbt adds to a node's context when it is executed rather than compiled (dbt's ModelContext and
/// MacroContext at run time): the connected <c>adapter</c>, <c>api</c>, the statement results store
/// (<c>store_result</c>, <c>store_raw_result</c>, <c>load_result</c>), <c>write</c>, <c>log</c>/<c>print</c> into
/// the event log, <c>exceptions</c>, <c>modules</c>, <c>flags</c>, <c>selected_resources</c>, <c>sql</c>/
/// <c>compiled_code</c> and the node's hooks. One per node run; <see cref="Bind"/> sets them on a scope after the
/// <see cref="RuntimeProvider"/> has bound ref/source/config/this.
/// </summary>
internal sealed class RunContext(ExecutionServices services, ManifestNode? node)
{
    private readonly Dictionary<string, object?> _results = new(StringComparer.Ordinal);

    /// <summary>What <c>store_result</c>/<c>store_raw_result</c> kept, by statement name (<c>main</c> for the node's SQL).</summary>
    public Dictionary<string, object?> Results => _results;

    /// <summary>Binds the execution names. <paramref name="extra"/> (e.g. on-run-end's <c>results</c>) is added last.</summary>
    public void Bind(RenderScope scope, IReadOnlyDictionary<string, object?>? extra = null)
    {
        var c = scope.Context;
        c["adapter"] = new RuntimeAdapterValue(scope, services.Adapter);
        services.Shared.Bind(c);
        c["store_result"] = new JinjaFunction("store_result", a =>
        {
            var table = a.Get(2, "agate_table") as ResultTable ?? ResultTable.Empty;
            _results[a.Get(0, "name") as string ?? ""] = Result(a.Get(1, "response"), table);
            return "";
        });
        c["store_raw_result"] = new JinjaFunction("store_raw_result", a =>
        {
            var rows = a.Get(3, "rows_affected") is long l ? l : (long?)null;
            var response = new AdapterResponse(Convert.ToString(a.Get(1, "message"), CultureInfo.InvariantCulture) ?? "OK",
                Convert.ToString(a.Get(2, "code"), CultureInfo.InvariantCulture), rows);
            _results[a.Get(0, "name") as string ?? ""] = Result(response, a.Get(4, "agate_table") as ResultTable ?? ResultTable.Empty);
            return "";
        });
        c["load_result"] = new JinjaFunction("load_result", a => _results.GetValueOrDefault(a.Get(0, "name") as string ?? ""));
        c["write"] = new JinjaFunction("write", a =>
        {
            Speculation.Check("write()");
            if (node is not null) WriteRunFile(Convert.ToString(a.Get(0, "payload"), CultureInfo.InvariantCulture) ?? "");
            return "";
        });
        c["context"] = c;
        c["render"] = new JinjaFunction("render", a =>
            scope.Host.Compile(Py.ToStr(a.Get(0, "string")), node?.OriginalFilePath ?? "render", runtime: true).Render(c));
        if (node is not null)
        {
            c["config"] = RuntimeConfigObject(node);
            c["sql"] = node.CompiledCode;
            c["compiled_code"] = node.CompiledCode;
            c["model"] = new LazyDictionary(ModelDict);
            c["pre_hooks"] = Hooks("pre-hook");
            c["post_hooks"] = Hooks("post-hook");
            if (node is SeedNode seed) BindSeed(c, seed);
        }
        if (extra is not null)
            foreach (var (k, v) in extra) c[k] = v;
    }

    /// <summary>
    /// A seed's data: <c>load_agate_table()</c> (the CSV as a table of text cells) and <c>load_seed(relation,
    /// create=True)</c>, which bulk-loads the file through the adapter (appender) with the seed's
    /// <c>column_types</c>, <c>quote_columns</c> and <c>delimiter</c> and returns the adapter response.
    /// </summary>
    private void BindSeed(IDictionary<string, object?> c, SeedNode seed)
    {
        Slipway.Adapters.Seeds.SeedTable? table = null;
        Slipway.Adapters.Seeds.SeedTable Table() => table ??= Slipway.Adapters.Seeds.SeedFile.Read(
            Path.Combine(seed.RootPath ?? services.Config.Project.RootPath, seed.OriginalFilePath),
            seed.Config.Get("delimiter") as string is { Length: > 0 } d ? d : ",");
        c["load_agate_table"] = new JinjaFunction("load_agate_table", _ =>
        {
            var t = Table();
            return new ResultTable(t.Header, t.Columns.Select(col => col.Kind.ToString()).ToList(), t.Rows.Select(r => r.Cast<object?>().ToArray()).ToList());
        });
        c["load_seed"] = new JinjaFunction("load_seed", a =>
        {
            var relation = a.Get(0, "relation") as Slipway.Adapters.Relations.Relation
                ?? throw new CompilerException("load_seed() needs the target relation");
            var types = (seed.Config.Get("column_types") as IDictionary<string, object?>)?
                .ToDictionary(kv => kv.Key, kv => Convert.ToString(kv.Value, CultureInfo.InvariantCulture) ?? "", StringComparer.Ordinal);
            var quote = seed.Config.Get("quote_columns") as bool?;
            return services.Adapter.LoadSeed(relation, Table(),
                new Slipway.Adapters.SeedLoadOptions(types is { Count: > 0 } ? types : null, quote, Py.IsTruthy(a.Get(1, "create", true))));
        });
    }

    private static OrderedDictionary<string, object?> Result(object? response, ResultTable table) => new(StringComparer.Ordinal)
    {
        ["response"] = response,
        ["data"] = table.Rows.Select(r => (object?)r.Select(ResultTable.ToJinjaValue).ToList()).ToList(),
        ["table"] = table,
    };

    /// <summary>
    /// <c>config</c> at run time: reads the node's final config; <c>config.set(key, value)</c> (e.g. set_sql_header)
    /// holds a value for the rest of this node's run without changing the manifest.
    /// </summary>
    private ConfigObject RuntimeConfigObject(ManifestNode n)
    {
        var overrides = new Dictionary<string, object?>(StringComparer.Ordinal);
        return new ConfigObject(
            key => overrides.TryGetValue(key, out var o) ? (true, o) : n.Config.Values.TryGetValue(key, out var v) ? (true, v) : (false, null),
            values => { foreach (var (k, v) in values) overrides[NodeConfig.NormaliseKey(k)] = v; });
    }

    /// <summary><c>model</c> as dbt shows it at run time: the manifest dictionary with compiled code.</summary>
    private OrderedDictionary<string, object?> ModelDict()
    {
        var d = NodeDicts.Of(node!);
        d["compiled_code"] = node!.CompiledCode;
        d["compiled"] = node.Compiled;
        return d;
    }

    /// <summary>A node's hooks as the objects materializations loop over: <c>.sql</c>, <c>.transaction</c>, <c>.index</c>.</summary>
    private List<object?> Hooks(string key)
    {
        var list = new List<object?>();
        if (node!.Config.Get(key) is not IEnumerable<object?> hooks) return list;
        var index = 0;
        foreach (var hook in hooks)
        {
            string sql;
            var transaction = true;
            if (hook is IDictionary<string, object?> d)
            {
                sql = Convert.ToString(d.TryGetValue("sql", out var s) ? s : null, CultureInfo.InvariantCulture) ?? "";
                transaction = !d.TryGetValue("transaction", out var t) || t is not false;
            }
            else if (hook is PyDict pd)
            {
                sql = Py.ToStr(pd.TryGetValue("sql", out var s) ? s : "");
                transaction = !pd.TryGetValue("transaction", out var t) || t is not false;
            }
            else sql = Convert.ToString(hook, CultureInfo.InvariantCulture) ?? "";
            list.Add(new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["sql"] = sql, ["transaction"] = transaction, ["index"] = (long)index++ });
        }
        return list;
    }

    /// <summary>dbt's <c>write()</c>: the SQL a materialization ran, under <c>target/run/&lt;package&gt;/&lt;path&gt;</c>.</summary>
    private void WriteRunFile(string payload)
    {
        var relative = Compiler.CompiledPath(services.RelativeTargetPath, node!, "run");
        TargetFiles.Write(services.Files, Path.Combine(services.Config.Project.RootPath, relative), payload);
    }
}
