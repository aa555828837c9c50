namespace Slipway.Adapters.Relations;

/// <summary>
/// One flag per part of a relation name: dbt's quote policy (which parts are quoted when rendered) and include
/// policy (which parts are rendered at all).
/// </summary>
public readonly record struct Policy(bool Database, bool Schema, bool Identifier)
{
    public static readonly Policy All = new(true, true, true);
    public static readonly Policy None = new(false, false, false);

    /// <summary>The same policy with the parts that were given replaced (dbt's <c>.include(...)</c>/<c>.quote(...)</c>).</summary>
    public Policy With(bool? database = null, bool? schema = null, bool? identifier = null) =>
        new(database ?? Database, schema ?? Schema, identifier ?? Identifier);

    internal Dictionary<string, object?> ToJinja() => new()
    {
        ["database"] = Database,
        ["schema"] = Schema,
        ["identifier"] = Identifier,
    };
}
