using Slipway.Engine.Compilation;
using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>
/// dbt's Relation as templates see it: <c>.database/.schema/.identifier/.name/.type</c>, <c>is_table</c>…,
/// <c>render()</c>, <c>include()</c>, <c>incorporate()</c>, <c>quote()</c>; printing it gives the quoted name.
/// </summary>
public sealed class RelationValue(string? database, string? schema, string? identifier, string? type, RelationQuoting quoting,
    bool includeDatabase = true, bool includeSchema = true, bool includeIdentifier = true) : IJinjaObject
{
    public string? Database { get; } = database;
    public string? Schema { get; } = schema;
    public string? Identifier { get; } = identifier;
    /// <summary><c>table</c>, <c>view</c>, <c>cte</c>, <c>materialized_view</c>, or null when unknown.</summary>
    public string? Type { get; } = type;
    public RelationQuoting Quoting { get; } = quoting;

    public string Render() => Quoting.Render(includeDatabase ? Database : null, includeSchema ? Schema : null, includeIdentifier ? Identifier : null);

    public override string ToString() => Render();

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "database" => Database,
            "schema" => Schema,
            "identifier" or "name" or "table" => Identifier,
            "type" => Type,
            "is_table" => Type == "table",
            "is_view" => Type == "view",
            "is_cte" => Type == "cte",
            "is_materialized_view" => Type == "materialized_view",
            "render" => new JinjaFunction("render", _ => Render()),
            "quote_policy" => new Dictionary<string, object?> { ["database"] = Quoting.Database, ["schema"] = Quoting.Schema, ["identifier"] = Quoting.Identifier },
            "include" => new JinjaFunction("include", a => new RelationValue(Database, Schema, Identifier, Type, Quoting,
                Flag(a, 0, "database", includeDatabase), Flag(a, 1, "schema", includeSchema), Flag(a, 2, "identifier", includeIdentifier))),
            "quote" => new JinjaFunction("quote", a => new RelationValue(Database, Schema, Identifier, Type,
                new RelationQuoting(Flag(a, 0, "database", Quoting.Database), Flag(a, 1, "schema", Quoting.Schema), Flag(a, 2, "identifier", Quoting.Identifier)),
                includeDatabase, includeSchema, includeIdentifier)),
            "incorporate" => new JinjaFunction("incorporate", Incorporate),
            "without_identifier" => new JinjaFunction("without_identifier", _ => new RelationValue(Database, Schema, Identifier, Type, Quoting, includeDatabase, includeSchema, false)),
            _ => null,
        };
        return value is not null || name is "database" or "schema" or "identifier" or "name" or "table" or "type";
    }

    private object? Incorporate(Arguments a)
    {
        var type = a.Get(1, "type", Type) as string;
        string? db = Database, schema = Schema, identifier = Identifier;
        if (a.Get(0, "path") is IDictionary<string, object?> path)
        {
            if (path.TryGetValue("database", out var d)) db = d as string;
            if (path.TryGetValue("schema", out var s)) schema = s as string;
            if (path.TryGetValue("identifier", out var i)) identifier = i as string;
        }
        return new RelationValue(db, schema, identifier, type, Quoting, includeDatabase, includeSchema, includeIdentifier);
    }

    private static bool Flag(Arguments a, int index, string name, bool current) =>
        a.Has(index, name) ? a.Get(index, name) is true : current;
}
