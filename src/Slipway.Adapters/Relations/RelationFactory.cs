using Slipway.Jinja;

namespace Slipway.Adapters.Relations;

/// <summary>
/// <c>api.Relation</c> / <c>adapter.Relation</c>: <c>create(database=, schema=, identifier=, type=)</c> with the
/// project's quoting applied, as dbt's RelationProxy does.
/// </summary>
public sealed class RelationFactory(IAdapter adapter) : IJinjaObject
{
    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "create" => JinjaArgs.Method("create", a => adapter.CreateRelation(
                JinjaArgs.String(a, 0, "database"), JinjaArgs.String(a, 1, "schema"), JinjaArgs.String(a, 2, "identifier"),
                RelationTypes.Parse(JinjaArgs.String(a, 3, "type")))),
            _ => null,
        };
        return value is not null;
    }

    public override string ToString() => "<class 'Relation'>";
}
