using Slipway.Adapters.Conformance.Capabilities;

namespace Slipway.Adapters.Postgres.Tests;

// The capability conformance classes (real projects through the engine), unchanged on PostgreSQL.
public sealed class PostgresSimpleMaterialization : SimpleMaterializationConformance<PostgresWarehouse>;

public sealed class PostgresEphemeral : EphemeralConformance<PostgresWarehouse>;

public sealed class PostgresIncremental : IncrementalConformance<PostgresWarehouse>;

public sealed class PostgresSnapshot : SnapshotConformance<PostgresWarehouse>;

public sealed class PostgresSeedType : SeedTypeConformance<PostgresWarehouse>;

public sealed class PostgresDataTest : DataTestConformance<PostgresWarehouse>;

public sealed class PostgresHook : HookConformance<PostgresWarehouse>;

public sealed class PostgresCrossDatabaseMacro : CrossDatabaseMacroConformance<PostgresWarehouse>;

public sealed class PostgresAdapterMethod : AdapterMethodConformance<PostgresWarehouse>;

public sealed class PostgresCatalogFreshness : CatalogFreshnessConformance<PostgresWarehouse>;
