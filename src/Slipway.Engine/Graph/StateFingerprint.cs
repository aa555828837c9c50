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
