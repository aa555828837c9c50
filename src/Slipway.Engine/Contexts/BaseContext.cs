using System.Globalization;
using System.Text.Json;
using Slipway.Engine.Parsing;
using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>
/// What every dbt context has (BaseContext, TargetContext, ConfiguredContext): <c>target</c>, <c>return</c>,
/// <c>log</c>, <c>print</c>, <c>exceptions</c>, <c>fromjson</c>/<c>tojson</c>, <c>local_md5</c>, <c>flags</c>,
/// <c>run_started_at</c>, <c>invocation_id</c>, <c>project_name</c>, <c>dbt_version</c>. Node-specific names
/// (<c>ref</c>, <c>source</c>, <c>config</c>, <c>var</c>, <c>this</c>, <c>model</c>) come from a provider.
/// </summary>
internal static class BaseContext
{
    public static void AddGlobals(IDictionary<string, object?> c, JinjaHost host, bool runtime)
    {
        var loader = host.Loader;
        c["target"] = new OrderedDictionary<string, object?>(loader.Target.ToJinjaTarget(), StringComparer.Ordinal);
        c["project_name"] = loader.Root.Name;
        c["dbt_version"] = Project.SlipwayVersion.DbtVersion;
        c["execute"] = runtime;
        c["invocation_id"] = loader.InvocationId;
        c["run_started_at"] = new DateTimeValue(loader.RunStartedAt);
        c["return"] = new JinjaFunction("return", a => JinjaReturnException.Return(a.Get(0, "data")));
        c["log"] = new JinjaFunction("log", _ => "");
        c["print"] = new JinjaFunction("print", a => { Console.WriteLine(a.Get(0, "msg")); return ""; });
        c["local_md5"] = new JinjaFunction("local_md5", a => PythonText.Md5Hex(Convert.ToString(a.Get(0, "value"), CultureInfo.InvariantCulture) ?? ""));
        c["fromjson"] = new JinjaFunction("fromjson", a =>
        {
            try { return NodeDicts.ToPlain(JsonDocument.Parse(a.Get(0, "string") as string ?? "").RootElement); }
            catch (JsonException) { return a.Get(1, "default"); }
        });
        c["tojson"] = new JinjaFunction("tojson", a => Slipway.Jinja.PythonJson.Dumps(PlainData.FromJinja(a.Get(0, "value")), a.Get(2, "sort_keys") is true));
        c["set"] = new JinjaFunction("set", a => a.Get(0, "value") is System.Collections.IEnumerable e and not string
            ? e.Cast<object?>().Distinct().ToList() : a.Get(1, "default"));
        c["zip"] = new JinjaFunction("zip", a =>
        {
            var lists = a.Positional.Select(p => (p as System.Collections.IEnumerable)?.Cast<object?>().ToList() ?? []).ToList();
            var n = lists.Count == 0 ? 0 : lists.Min(l => l.Count);
            return Enumerable.Range(0, n).Select(i => (object?)lists.Select(l => l[i]).ToList()).ToList();
        });
        c["diff_of_two_dicts"] = new JinjaFunction("diff_of_two_dicts", a => DictDiff.Of(a.Get(0, "dict_a"), a.Get(1, "dict_b")));
        c["flags"] = loader.Invocation is { } invocation
            ? invocation.ToJinjaFlags()
            : new OrderedDictionary<string, object?>(StringComparer.Ordinal)
            {
                ["FULL_REFRESH"] = false, ["STORE_FAILURES"] = false, ["WHICH"] = runtime ? "compile" : "parse", ["EMPTY"] = false,
            };
        c["invocation_args_dict"] = loader.Invocation?.ToInvocationArgsDict() ?? new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        c["dbt_metadata_envs"] = new OrderedDictionary<string, object?>(loader.Environment.MetadataEnvs().Select(kv => new KeyValuePair<string, object?>(kv.Key, kv.Value)), StringComparer.Ordinal);
        c["exceptions"] = new ExceptionsValue();
        c["modules"] = ModulesValue.Instance;
        // Without a warehouse nothing is stored: load_result answers none (execution replaces these).
        c["load_result"] = new JinjaFunction("load_result", _ => null);
        c["store_result"] = new JinjaFunction("store_result", _ => "");
        c["store_raw_result"] = new JinjaFunction("store_raw_result", _ => "");
        c["write"] = new JinjaFunction("write", _ => "");
        c["env_var"] = new JinjaFunction("env_var", a =>
            loader.Environment.EnvVar(a.Get(0, "var") as string ?? throw new CompilerException("env_var() needs a variable name"), a.Get(1, "default"), false));
        c["api"] = new OrderedDictionary<string, object?> { ["Relation"] = new AdapterValue.RelationFactory(host.Quoting) };
        c["graph"] = new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["nodes"] = new OrderedDictionary<string, object?>(), ["sources"] = new OrderedDictionary<string, object?>(),
            ["exposures"] = new OrderedDictionary<string, object?>(), ["groups"] = new OrderedDictionary<string, object?>(),
            ["metrics"] = new OrderedDictionary<string, object?>(), ["semantic_models"] = new OrderedDictionary<string, object?>(),
            ["saved_queries"] = new OrderedDictionary<string, object?>(),
        };
    }

    /// <summary>The <c>exceptions</c> namespace: raising a compiler error from a template stops with its message.</summary>
    private sealed class ExceptionsValue : IJinjaObject
    {
        public bool TryGetAttribute(string name, out object? value)
        {
            value = name switch
            {
                "warn" => new JinjaFunction("warn", _ => ""),
                "raise_not_implemented" => new JinjaFunction(name, a => throw new CompilerException("Not implemented: " + a.Get(0, "msg"))),
                _ when name.StartsWith("raise_", StringComparison.Ordinal) || name.StartsWith("missing_", StringComparison.Ordinal)
                    => new JinjaFunction(name, a => throw new CompilerException(Convert.ToString(a.Get(0, "msg"), CultureInfo.InvariantCulture) ?? name)),
                _ => null,
            };
            return value is not null;
        }
    }
}

/// <summary><c>run_started_at</c>: a UTC datetime with the methods templates use (<c>strftime</c>, <c>isoformat</c>).</summary>
internal sealed class DateTimeValue(DateTimeOffset value) : IJinjaObject
{
    public bool TryGetAttribute(string name, out object? result)
    {
        result = name switch
        {
            "year" => (long)value.Year,
            "month" => (long)value.Month,
            "day" => (long)value.Day,
            "hour" => (long)value.Hour,
            "minute" => (long)value.Minute,
            "second" => (long)value.Second,
            "isoformat" => new JinjaFunction("isoformat", _ => Iso()),
            "strftime" => new JinjaFunction("strftime", a => Strftime(a.Get(0, "format") as string ?? "")),
            "timestamp" => new JinjaFunction("timestamp", _ => value.ToUnixTimeMilliseconds() / 1000.0),
            _ => null,
        };
        return result is not null;
    }

    private string Iso() => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00:00";

    private string Strftime(string format)
    {
        var sb = new System.Text.StringBuilder();
        var t = value.UtcDateTime;
        for (var i = 0; i < format.Length; i++)
        {
            if (format[i] != '%' || i + 1 >= format.Length) { sb.Append(format[i]); continue; }
            var code = format[++i];
            sb.Append(code switch
            {
                'Y' => t.ToString("yyyy", CultureInfo.InvariantCulture),
                'm' => t.ToString("MM", CultureInfo.InvariantCulture),
                'd' => t.ToString("dd", CultureInfo.InvariantCulture),
                'H' => t.ToString("HH", CultureInfo.InvariantCulture),
                'M' => t.ToString("mm", CultureInfo.InvariantCulture),
                'S' => t.ToString("ss", CultureInfo.InvariantCulture),
                'f' => t.ToString("ffffff", CultureInfo.InvariantCulture),
                'y' => t.ToString("yy", CultureInfo.InvariantCulture),
                '%' => "%",
                _ => "%" + code,
            });
        }
        return sb.ToString();
    }

    public override string ToString() => value.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00:00";
}
