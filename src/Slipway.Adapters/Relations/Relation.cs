using System.Text;
using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Adapters.Relations;

/// <summary>
/// A database object's three-part name and type, immutable like dbt's <c>BaseRelation</c>. Templates see
/// <c>.database/.schema/.identifier/.name/.type/.is_table/.render()/.include()/.incorporate()/.quote()</c>;
/// <c>str(relation)</c> is <see cref="Render"/>.
/// </summary>
public sealed class Relation : IJinjaObject, IEquatable<Relation>
{
    public Relation(string? database, string? schema, string? identifier, RelationType? type = null,
        Policy? quotePolicy = null, Policy? includePolicy = null, char quoteCharacter = '"', int? maxNameLength = null)
    {
        // As dbt-postgres: a typed relation whose name the database would silently truncate is an error, not a surprise.
        if (maxNameLength is { } max && type is not null && identifier is not null && Encoding.UTF8.GetByteCount(identifier) > max)
            throw new AdapterException(
                $"Relation name '{identifier}' is {Encoding.UTF8.GetByteCount(identifier)} bytes long, longer than the {max} bytes the database keeps (it would silently truncate it); choose a shorter name or alias.");
        MaxNameLength = maxNameLength;
        Database = database;
        Schema = schema;
        Identifier = identifier;
        Type = type;
        QuotePolicy = quotePolicy ?? Policy.All;
        IncludePolicy = includePolicy ?? Policy.All;
        QuoteCharacter = quoteCharacter;
    }

    public string? Database { get; }
    public string? Schema { get; }
    public string? Identifier { get; }
    public string? Name => Identifier;
    public RelationType? Type { get; }
    public Policy QuotePolicy { get; }
    public Policy IncludePolicy { get; }
    public char QuoteCharacter { get; }
    /// <summary>The longest identifier in bytes the database keeps (Postgres: 63); null when unlimited.</summary>
    public int? MaxNameLength { get; }

    /// <summary>
    /// dbt's <c>limit</c> (set by <c>--empty</c>: 0): a ref or source printed with <c>str()</c> becomes a subquery
    /// returning at most that many rows. <see cref="Render"/> (Jinja's <c>.render()</c>) keeps the bare name.
    /// </summary>
    public int? Limit { get; private init; }

    /// <summary>
    /// dbt's <c>event_time_filter</c> as a SQL condition (a microbatch batch or a <c>--sample</c> window on the
    /// upstream's <c>event_time</c>): <c>str()</c> wraps the relation in a subquery with that <c>where</c>.
    /// </summary>
    public string? EventTimeFilter { get; private init; }

    public bool IsTable => Type == RelationType.Table;
    public bool IsView => Type == RelationType.View;
    public bool IsCte => Type == RelationType.Cte;
    public bool IsMaterializedView => Type == RelationType.MaterializedView;

    /// <summary><c>"db"."schema"."name"</c>: the included, non-empty parts, each quoted when the quote policy says so.</summary>
    public string Render()
    {
        var sb = new StringBuilder();
        Append(sb, IncludePolicy.Database, QuotePolicy.Database, Database);
        Append(sb, IncludePolicy.Schema, QuotePolicy.Schema, Schema);
        Append(sb, IncludePolicy.Identifier, QuotePolicy.Identifier, Identifier);
        return sb.ToString();
    }

    private void Append(StringBuilder sb, bool include, bool quote, string? part)
    {
        if (!include || string.IsNullOrEmpty(part)) return;
        if (sb.Length > 0) sb.Append('.');
        sb.Append(quote ? QuoteIdentifier(part, QuoteCharacter) : part);
    }

    /// <summary>Quotes one name part, doubling embedded quote characters.</summary>
    public static string QuoteIdentifier(string part, char quote = '"') =>
        quote + part.Replace(quote.ToString(), new string(quote, 2)) + quote;

    /// <summary>
    /// dbt's <c>str(relation)</c>: the rendered name, wrapped first in the limited subquery and then in the
    /// event-time filter subquery when those are set (each aliased <c>_dbt_limit_subq_x</c>/<c>_dbt_et_filter_subq_x</c>).
    /// </summary>
    public override string ToString()
    {
        var rendered = Render();
        if (Limit is { } limit)
            rendered = limit == 0
                ? $"(select * from {rendered} where false limit 0) _dbt_limit_subq_{Identifier}"
                : $"(select * from {rendered} limit {limit}) _dbt_limit_subq_{Identifier}";
        if (EventTimeFilter is { } filter)
            rendered = $"(select * from {rendered} where {filter}) _dbt_et_filter_subq_{Identifier}";
        return rendered;
    }

    /// <summary>A copy that prints as a subquery: limited to <paramref name="limit"/> rows and/or filtered by <paramref name="eventTimeFilter"/>.</summary>
    public Relation WithSubquery(int? limit, string? eventTimeFilter) =>
        new(Database, Schema, Identifier, Type, QuotePolicy, IncludePolicy, QuoteCharacter, MaxNameLength) { Limit = limit, EventTimeFilter = eventTimeFilter };

    public Relation Include(bool? database = null, bool? schema = null, bool? identifier = null) =>
        new(Database, Schema, Identifier, Type, QuotePolicy, IncludePolicy.With(database, schema, identifier), QuoteCharacter, MaxNameLength);

    public Relation Quote(bool? database = null, bool? schema = null, bool? identifier = null) =>
        new(Database, Schema, Identifier, Type, QuotePolicy.With(database, schema, identifier), IncludePolicy, QuoteCharacter, MaxNameLength);

    /// <summary>A copy with some parts replaced, like dbt's <c>incorporate(path={...}, type=...)</c>.</summary>
    public Relation Incorporate(string? database = null, string? schema = null, string? identifier = null, RelationType? type = null) =>
        new(database ?? Database, schema ?? Schema, identifier ?? Identifier, type ?? Type, QuotePolicy, IncludePolicy, QuoteCharacter, MaxNameLength);

    public Relation WithoutIdentifier() => Include(identifier: false);

    /// <summary>True when both name the same object (parts compared case-insensitively, as unquoted SQL names are).</summary>
    public bool Matches(string? database, string? schema, string? identifier) =>
        PartEquals(Database, database) && PartEquals(Schema, schema) && PartEquals(Identifier, identifier);

    private static bool PartEquals(string? a, string? b) => b is null || string.Equals(a, b, StringComparison.OrdinalIgnoreCase);

    public bool Equals(Relation? other) =>
        other is not null && Database == other.Database && Schema == other.Schema && Identifier == other.Identifier
        && Type == other.Type && QuotePolicy == other.QuotePolicy && IncludePolicy == other.IncludePolicy;

    public override bool Equals(object? obj) => obj is Relation r && Equals(r);
    public override int GetHashCode() => HashCode.Combine(Database, Schema, Identifier, Type);

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "database" => Database,
            "schema" => Schema,
            "identifier" or "name" or "table" => Identifier,
            "type" => Type?.ToDbtName(),
            "is_table" => IsTable,
            "is_view" => IsView,
            "is_cte" => IsCte,
            "is_materialized_view" => IsMaterializedView,
            "quote_character" => QuoteCharacter.ToString(),
            "quote_policy" => QuotePolicy.ToJinja(),
            "include_policy" => IncludePolicy.ToJinja(),
            "path" => new Dictionary<string, object?> { ["database"] = Database, ["schema"] = Schema, ["identifier"] = Identifier },
            "can_be_renamed" => Type is RelationType.Table or RelationType.View or RelationType.MaterializedView,
            "can_be_replaced" => Type is RelationType.Table or RelationType.View,
            "render" => JinjaArgs.Method("render", _ => Render()),
            "include" => JinjaArgs.Method("include", a => Include(
                JinjaArgs.Bool(a, 0, "database"), JinjaArgs.Bool(a, 1, "schema"), JinjaArgs.Bool(a, 2, "identifier"))),
            "quote" => JinjaArgs.Method("quote", a => Quote(
                JinjaArgs.Bool(a, 0, "database"), JinjaArgs.Bool(a, 1, "schema"), JinjaArgs.Bool(a, 2, "identifier"))),
            "incorporate" => JinjaArgs.Method("incorporate", CallIncorporate),
            "relation_max_name_length" when MaxNameLength is not null => JinjaArgs.Method("relation_max_name_length", _ => (long)MaxNameLength.Value),
            "without_identifier" => JinjaArgs.Method("without_identifier", _ => WithoutIdentifier()),
            "limit" => Limit is { } l ? (long)l : null,
            "event_time_filter" => EventTimeFilter,
            _ => null,
        };
        return value is not null || name is "database" or "schema" or "identifier" or "name" or "table" or "type" or "limit" or "event_time_filter";
    }

    // A key present in path replaces that part, even with None: dbt-postgres's temp relations drop their database
    // and schema with incorporate(path={"schema": none, "database": none}).
    private Relation CallIncorporate(Arguments args)
    {
        var path = args.Get(0, "path");
        string? db = Database, schema = Schema, identifier = Identifier;
        if (PathPart(path, "database", out var d)) db = d;
        if (PathPart(path, "schema", out var s)) schema = s;
        if (PathPart(path, "identifier", out var i)) identifier = i;
        var type = RelationTypes.Parse(JinjaArgs.String(args, 1, "type")) ?? Type;
        return new Relation(db, schema, identifier, type, QuotePolicy, IncludePolicy, QuoteCharacter, MaxNameLength);
    }

    private static bool PathPart(object? path, string key, out string? value)
    {
        object? raw = null;
        var found = path switch
        {
            IDictionary<string, object?> p => p.TryGetValue(key, out raw),
            PyDict pd => pd.TryGetValue(key, out raw),
            _ => false,
        };
        value = raw switch
        {
            null or Undefined => null,
            string text => text,
            Markup m => m.Value,
            _ => raw.ToString(),
        };
        return found;
    }
}
