using Slipway.Adapters.Relations;

namespace Slipway.Adapters.Cache;

/// <summary>
/// What the adapter knows exists, filled by listing each schema once (so no model needs a catalog query)
/// and kept current by the adapter's own DDL and by <c>cache_added/dropped/renamed</c>. Names compare
/// case-insensitively, as unquoted SQL names do. Thread-safe.
/// </summary>
public sealed class RelationCache
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, string), Dictionary<string, Relation>> _schemas = new();

    private static (string, string) Key(string? database, string? schema) =>
        ((database ?? "").ToLowerInvariant(), (schema ?? "").ToLowerInvariant());

    public bool IsCached(string? database, string? schema)
    {
        lock (_lock) return _schemas.ContainsKey(Key(database, schema));
    }

    /// <summary>Replaces what is known about one schema with a fresh listing.</summary>
    public void SetSchema(string? database, string? schema, IEnumerable<Relation> relations)
    {
        var map = new Dictionary<string, Relation>();
        foreach (var r in relations) map[r.Identifier!.ToLowerInvariant()] = r;
        lock (_lock) _schemas[Key(database, schema)] = map;
    }

    public void AddSchema(string? database, string? schema)
    {
        lock (_lock) _schemas.TryAdd(Key(database, schema), new Dictionary<string, Relation>());
    }

    public void DropSchema(string? database, string? schema)
    {
        lock (_lock) _schemas.Remove(Key(database, schema));
    }

    /// <summary>Records a relation; its schema counts as listed only if it was listed before (a lone add does not make a listing).</summary>
    public void Add(Relation relation)
    {
        lock (_lock)
            if (_schemas.TryGetValue(Key(relation.Database, relation.Schema), out var map))
                map[relation.Identifier!.ToLowerInvariant()] = relation;
    }

    public void Drop(Relation relation)
    {
        lock (_lock)
            if (_schemas.TryGetValue(Key(relation.Database, relation.Schema), out var map))
                map.Remove(relation.Identifier!.ToLowerInvariant());
    }

    public void Rename(Relation from, Relation to)
    {
        lock (_lock)
        {
            RelationType? type = from.Type;
            if (_schemas.TryGetValue(Key(from.Database, from.Schema), out var map)
                && map.Remove(from.Identifier!.ToLowerInvariant(), out var old))
                type = old.Type ?? type;
            if (_schemas.TryGetValue(Key(to.Database, to.Schema), out var target))
                target[to.Identifier!.ToLowerInvariant()] = to.Incorporate(type: to.Type ?? type);
        }
    }

    /// <summary>The cached relation, or null when the schema is listed and has no such relation. Throws when the schema was never listed.</summary>
    public Relation? Get(string? database, string? schema, string identifier)
    {
        lock (_lock)
        {
            if (!_schemas.TryGetValue(Key(database, schema), out var map))
                throw new InvalidOperationException($"schema {database}.{schema} is not in the relation cache");
            return map.GetValueOrDefault(identifier.ToLowerInvariant());
        }
    }

    public IReadOnlyList<Relation> Relations(string? database, string? schema)
    {
        lock (_lock)
            return _schemas.TryGetValue(Key(database, schema), out var map) ? map.Values.ToList() : [];
    }

    public IReadOnlyList<(string Database, string Schema)> Schemas
    {
        get { lock (_lock) return _schemas.Keys.ToList(); }
    }

    public void Clear()
    {
        lock (_lock) _schemas.Clear();
    }
}
