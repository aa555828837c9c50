namespace Slipway.Engine.Graph;

/// <summary>
/// The properties same_contents compares beyond fqn and config for members that are not SQL nodes, listed once
/// so that a fingerprint taken from the parsed manifest equals one read back from its manifest.json.
/// "depends_on" means the list of parent node ids.
/// </summary>
internal static class StateFields
{
    public static readonly string[] Source = ["quoting", "freshness", "loaded_at_field", "external"];

    public static readonly string[] Exposure = ["type", "owner", "maturity", "url", "description", "label", "depends_on"];

    public static readonly string[] Metric = ["type", "type_params", "filter", "metadata", "label", "description", "group", "depends_on"];

    public static readonly string[] SemanticModel =
        ["model", "node_relation", "description", "label", "defaults", "entities", "dimensions", "measures", "primary_entity", "group", "depends_on"];

    public static readonly string[] SavedQuery = ["query_params", "exports", "description", "label", "group", "depends_on"];

    /// <summary>dbt compares unit tests by a checksum of these.</summary>
    public static readonly string[] UnitTest = ["model", "given", "expect", "overrides", "versions"];

    public static string[] For(MemberCollection collection) => collection switch
    {
        MemberCollection.Source => Source,
        MemberCollection.Exposure => Exposure,
        MemberCollection.Metric => Metric,
        MemberCollection.SemanticModel => SemanticModel,
        MemberCollection.SavedQuery => SavedQuery,
        MemberCollection.UnitTest => UnitTest,
        _ => [],
    };
}
