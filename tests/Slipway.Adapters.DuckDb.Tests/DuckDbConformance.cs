using Slipway.Adapters.Conformance;

namespace Slipway.Adapters.DuckDb.Tests;

// The shared adapter conformance suite, run on embedded DuckDB: one file per test class, in a temp folder.
internal static class DuckDbConformance
{
    public static IAdapter Open(string dir) =>
        DuckDbAdapter.Create("conformance", new Dictionary<string, object?> { ["path"] = "conformance.duckdb" }, dir);

    public const string LongRunningQuery = "select count(*) from range(1000000000000) a where a.range % 7 = 3";
}

public sealed class DuckDbRelationCache : RelationCacheConformance
{
    protected override IAdapter OpenAdapter(string dir) => DuckDbConformance.Open(dir);
    protected override string LongRunningQuery => DuckDbConformance.LongRunningQuery;
}

public sealed class DuckDbDdl : DdlConformance
{
    protected override IAdapter OpenAdapter(string dir) => DuckDbConformance.Open(dir);
    protected override string LongRunningQuery => DuckDbConformance.LongRunningQuery;
}

public sealed class DuckDbExecution : ExecutionConformance
{
    protected override IAdapter OpenAdapter(string dir) => DuckDbConformance.Open(dir);
    protected override string LongRunningQuery => DuckDbConformance.LongRunningQuery;
}

public sealed class DuckDbCancellation : CancellationConformance
{
    protected override IAdapter OpenAdapter(string dir) => DuckDbConformance.Open(dir);
    protected override string LongRunningQuery => DuckDbConformance.LongRunningQuery;
}

public sealed class DuckDbSeeds : SeedConformance
{
    protected override IAdapter OpenAdapter(string dir) => DuckDbConformance.Open(dir);
    protected override string LongRunningQuery => DuckDbConformance.LongRunningQuery;
}

public sealed class DuckDbCatalog : CatalogConformance
{
    protected override IAdapter OpenAdapter(string dir) => DuckDbConformance.Open(dir);
    protected override string LongRunningQuery => DuckDbConformance.LongRunningQuery;
}

public sealed class DuckDbJinjaSurface : JinjaSurfaceConformance
{
    protected override IAdapter OpenAdapter(string dir) => DuckDbConformance.Open(dir);
    protected override string LongRunningQuery => DuckDbConformance.LongRunningQuery;
}
