namespace Slipway.Engine.Manifest;

/// <summary>dbt's <c>NodeType</c>: the kind of a manifest resource, written as its snake_case name.</summary>
public enum ResourceType
{
    Model,
    Analysis,
    Test,
    Snapshot,
    Operation,
    Seed,
    Rpc,
    SqlOperation,
    Documentation,
    Source,
    Macro,
    Exposure,
    Metric,
    Group,
    SavedQuery,
    SemanticModel,
    UnitTest,
    Fixture,
    Function,
}

/// <summary>Conversions between <see cref="ResourceType"/> and the strings dbt writes in artifacts and unique ids.</summary>
public static class ResourceTypes
{
    public static string ToDbtString(this ResourceType type) => type switch
    {
        ResourceType.Model => "model",
        ResourceType.Analysis => "analysis",
        ResourceType.Test => "test",
        ResourceType.Snapshot => "snapshot",
        ResourceType.Operation => "operation",
        ResourceType.Seed => "seed",
        ResourceType.Rpc => "rpc",
        ResourceType.SqlOperation => "sql_operation",
        ResourceType.Documentation => "doc",
        ResourceType.Source => "source",
        ResourceType.Macro => "macro",
        ResourceType.Exposure => "exposure",
        ResourceType.Metric => "metric",
        ResourceType.Group => "group",
        ResourceType.SavedQuery => "saved_query",
        ResourceType.SemanticModel => "semantic_model",
        ResourceType.UnitTest => "unit_test",
        ResourceType.Fixture => "fixture",
        ResourceType.Function => "function",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string text, out ResourceType type)
    {
        foreach (var candidate in Enum.GetValues<ResourceType>())
        {
            if (candidate.ToDbtString() == text) { type = candidate; return true; }
        }
        type = default;
        return false;
    }
}
