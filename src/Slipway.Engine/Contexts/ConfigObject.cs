using Slipway.Engine.Manifest;
using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>
/// dbt's <c>config</c>: callable as <c>config(key=value, …)</c> (parse time records it, run time ignores it)
/// and readable through <c>config.get(key, default)</c>, <c>config.require(key)</c>, <c>config.meta_get(key)</c>.
/// </summary>
internal sealed class ConfigObject(Func<string, (bool Found, object? Value)> lookup, Action<IReadOnlyDictionary<string, object?>>? record) : IJinjaCallable, IJinjaObject
{
    public object? Call(Arguments arguments)
    {
        if (record is not null)
        {
            var values = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
            foreach (var p in arguments.Positional)
                if (PlainData.FromJinja(p) is IDictionary<string, object?> d) foreach (var (k, v) in d) values[k] = v;
            foreach (var (k, v) in arguments.Keyword) values[k] = PlainData.FromJinja(v);
            record(values);
        }
        return "";
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "get" => new JinjaFunction("get", a =>
            {
                var key = NodeConfig.NormaliseKey(a.Get(0, "name") as string ?? "");
                var (found, v) = lookup(key);
                return found ? v : a.Get(1, "default");
            }),
            "require" => new JinjaFunction("require", a =>
            {
                var key = a.Get(0, "name") as string ?? "";
                var (found, v) = lookup(NodeConfig.NormaliseKey(key));
                if (found) return v;
                if (record is not null) return null;
                throw new CompilerException($"Required config '{key}' was not set");
            }),
            "set" => new JinjaFunction("set", a =>
            {
                record?.Invoke(new Dictionary<string, object?> { [a.Get(0, "name") as string ?? ""] = a.Get(1, "value") });
                return "";
            }),
            "meta_get" => new JinjaFunction("meta_get", a =>
            {
                var (found, meta) = lookup("meta");
                return found && meta is IDictionary<string, object?> m && m.TryGetValue(a.Get(0, "name") as string ?? "", out var v) ? v : a.Get(1, "default");
            }),
            "meta_require" => new JinjaFunction("meta_require", a =>
            {
                var key = a.Get(0, "name") as string ?? "";
                var (found, meta) = lookup("meta");
                if (found && meta is IDictionary<string, object?> m && m.TryGetValue(key, out var v)) return v;
                if (record is not null) return null;
                throw new CompilerException($"Required meta key '{key}' was not set");
            }),
            "persist_relation_docs" => new JinjaFunction(name, _ => PersistDocs("relation")),
            "persist_column_docs" => new JinjaFunction(name, _ => PersistDocs("columns")),
            _ => null,
        };
        return value is not null;
    }

    private bool PersistDocs(string key)
    {
        var (found, v) = lookup("persist_docs");
        return found && v is IDictionary<string, object?> d && d.TryGetValue(key, out var b) && b is true;
    }
}
