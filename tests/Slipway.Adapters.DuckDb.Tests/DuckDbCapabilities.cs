using Slipway.Adapters.Conformance.Capabilities;

namespace Slipway.Adapters.DuckDb.Tests;

// The capability conformance classes (real projects through the engine), unchanged on embedded DuckDB.
public sealed class DuckDbSimpleMaterialization : SimpleMaterializationConformance<DuckDbWarehouse>;

public sealed class DuckDbEphemeral : EphemeralConformance<DuckDbWarehouse>;

public sealed class DuckDbIncremental : IncrementalConformance<DuckDbWarehouse>;

public sealed class DuckDbSnapshot : SnapshotConformance<DuckDbWarehouse>;

public sealed class DuckDbSeedType : SeedTypeConformance<DuckDbWarehouse>;

public sealed class DuckDbDataTest : DataTestConformance<DuckDbWarehouse>;

public sealed class DuckDbHook : HookConformance<DuckDbWarehouse>;

public sealed class DuckDbCrossDatabaseMacro : CrossDatabaseMacroConformance<DuckDbWarehouse>;

public sealed class DuckDbAdapterMethod : AdapterMethodConformance<DuckDbWarehouse>;

public sealed class DuckDbCatalogFreshness : CatalogFreshnessConformance<DuckDbWarehouse>;
