namespace Slipway.Engine.Graph;

/// <summary>
/// The parts of a member that dbt's state comparison looks at, each reduced to a comparable string.
/// A null part means the member's kind has no such comparison (dbt: the class lacks the same_* method),
/// so the matching state:modified.* sub-selector never selects it unless the member is new.
/// </summary>
/// <param name="Body">same_body: the raw code (seeds: the file checksum).</param>
/// <param name="Config">same_config: the unrendered config, canonically serialised.</param>
/// <param name="PersistedDescriptions">same_persisted_description: descriptions dbt persists to the warehouse.</param>
/// <param name="Relation">same_database_representation: configured database, schema and alias (sources: identifier).</param>
/// <param name="Contract">same_contract: "enforced:&lt;checksum&gt;" or "not-enforced"; a constant for non-models.</param>
/// <param name="Other">Everything else same_contents compares (fqn; for sources quoting, freshness, external; …).</param>
internal sealed record StateFingerprint(
    string? Body,
    string? Config,
    string? PersistedDescriptions,
    string? Relation,
    string? Contract,
    string Other);

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
