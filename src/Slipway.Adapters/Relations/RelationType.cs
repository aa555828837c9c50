namespace Slipway.Adapters.Relations;

/// <summary>What a relation is in the warehouse, as dbt names it (<c>relation.type</c>).</summary>
public enum RelationType
{
    Table,
    View,
    Cte,
    MaterializedView,
    External,
}

public static class RelationTypes
{
    /// <summary>dbt's spelling: <c>table</c>, <c>view</c>, <c>cte</c>, <c>materialized_view</c>, <c>external</c>.</summary>
    public static string ToDbtName(this RelationType type) => type switch
    {
        RelationType.Table => "table",
        RelationType.View => "view",
        RelationType.Cte => "cte",
        RelationType.MaterializedView => "materialized_view",
        RelationType.External => "external",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static RelationType? Parse(string? name) => name?.ToLowerInvariant() switch
    {
        null or "" => null,
        "table" => RelationType.Table,
        "view" => RelationType.View,
        "cte" => RelationType.Cte,
        "materialized_view" or "materializedview" => RelationType.MaterializedView,
        "external" => RelationType.External,
        _ => throw new ArgumentException($"'{name}' is not a relation type; expected table, view, cte, materialized_view or external."),
    };
}
