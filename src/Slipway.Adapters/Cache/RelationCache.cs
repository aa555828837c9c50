using Slipway.Adapters.Relations;

namespace Slipway.Adapters.Cache;

/// <summary>
/// What the adapter knows exists, filled by listing each schema once (so no model needs a catalog query)
/// and kept current by the adapter's own DDL and by <c>cache_added/dropped/renamed</c>. Thread-safe.
/// Names are keyed as the database stores them: case-insensitively (DuckDB), or case-sensitively
/// (Postgres), where a quoted part keeps its case and an unquoted one folds to lower case; a lookup that
/// only matches when case is ignored is dbt's "approximate match" error rather than a silent guess.
/// </summary>
public sealed class RelationCache(bool caseSensitive = false)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<(string, string), Dictionary<string, Relation>> _schemas = new();

    public bool CaseSensitive { get; } = caseSensitive;

    /// <summary>The project's quoting, which decides how names given as plain strings are stored.</summary>
    public Policy Quoting { get; set; } = Policy.All;

    /// <summary>A name part as the database stores it.</summary>
    public string StoredName(string? part, bool quoted)
    {
        if (string.IsNullOrEmpty(part)) return "";
        if (!CaseSensitive) return part.ToLowerInvariant();
        return quoted ? part : FoldUnquoted(part);
    }

    /// <summary>What Postgres does to an unquoted name: ASCII letters to lower case, everything else kept.</summary>
    public static string FoldUnquoted(string part) =>
        string.Create(part.Length, part, (span, s) =>
        {
            for (var i = 0; i < s.Length; i++) span[i] = s[i] is >= 'A' and <= 'Z' ? (char)(s[i] + 32) : s[i];
        });

    private (string, string) Key(string? database, string? schema) =>
        (StoredName(database, Quoting.Database), StoredName(schema, Quoting.Schema));

    private (string, string) Key(Relation r) =>
        (StoredName(r.Database, r.QuotePolicy.Database), StoredName(r.Schema, r.QuotePolicy.Schema));

    private static string Id(Relation r, RelationCache c) => c.StoredName(r.Identifier, r.QuotePolicy.Identifier);

    public bool IsCached(string? database, string? schema)
    {
        lock (_lock) return _schemas.ContainsKey(Key(database, schema));
    }

    /// <summary>Replaces what is known about one schema with a fresh listing (listed names are stored names).</summary>
    public void SetSchema(string? database, string? schema, IEnumerable<Relation> relations)
    {
        var map = new Dictionary<string, Relation>();
        foreach (var r in relations) map[Id(r, this)] = r;
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
            if (_schemas.TryGetValue(Key(relation), out var map))
                map[Id(relation, this)] = relation;
    }

    public void Drop(Relation relation)
    {
        lock (_lock)
            if (_schemas.TryGetValue(Key(relation), out var map))
                map.Remove(Id(relation, this));
    }

    public void Rename(Relation from, Relation to)
    {
        lock (_lock)
        {
            RelationType? type = from.Type;
            if (_schemas.TryGetValue(Key(from), out var map) && map.Remove(Id(from, this), out var old))
                type = old.Type ?? type;
            if (_schemas.TryGetValue(Key(to), out var target))
                target[Id(to, this)] = to.Incorporate(type: to.Type ?? type);
        }
    }

    /// <summary>The cached relation, or null when the schema is listed and has no such relation. Throws when the schema was never listed.</summary>
    /// <exception cref="AdapterException">Case-sensitive names only: a relation matches when case is ignored but not exactly.</exception>
    public Relation? Get(string? database, string? schema, string identifier)
    {
        lock (_lock)
        {
            if (!_schemas.TryGetValue(Key(database, schema), out var map))
                throw new InvalidOperationException($"schema {database}.{schema} is not in the relation cache");
            var name = StoredName(identifier, Quoting.Identifier);
            if (map.TryGetValue(name, out var found) || !CaseSensitive) return found;
            var approximate = map.Values.FirstOrDefault(r => string.Equals(r.Identifier, name, StringComparison.OrdinalIgnoreCase));
            if (approximate is not null)
                throw new AdapterException(
                    $"When searching for a relation, dbt found an approximate match. Instead of guessing which relation to use, dbt will move on. Please delete {approximate.Render()}, or rename it to be less ambiguous. Searched for: {Relation.QuoteIdentifier(name)}");
            return null;
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
