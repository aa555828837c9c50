using Slipway.Adapters.Conformance;

namespace Slipway.Adapters.Postgres.Tests;

// The shared adapter conformance suite, run on a real PostgreSQL server: each class in a schema of its own.
internal static class PostgresConformance
{
    public static IAdapter Open(string dir) => PgServer.Open(target: "conformance");

    public const string LongRunningQuery = "select pg_sleep(600)";
}

public sealed class PostgresRelationCache : RelationCacheConformance
{
    protected override IAdapter OpenAdapter(string dir) => PostgresConformance.Open(dir);
    protected override string LongRunningQuery => PostgresConformance.LongRunningQuery;
}

public sealed class PostgresDdl : DdlConformance
{
    protected override IAdapter OpenAdapter(string dir) => PostgresConformance.Open(dir);
    protected override string LongRunningQuery => PostgresConformance.LongRunningQuery;
}

public sealed class PostgresExecution : ExecutionConformance
{
    protected override IAdapter OpenAdapter(string dir) => PostgresConformance.Open(dir);
    protected override string LongRunningQuery => PostgresConformance.LongRunningQuery;
}

public sealed class PostgresCancellation : CancellationConformance
{
    protected override IAdapter OpenAdapter(string dir) => PostgresConformance.Open(dir);
    protected override string LongRunningQuery => PostgresConformance.LongRunningQuery;
}

public sealed class PostgresSeeds : SeedConformance
{
    protected override IAdapter OpenAdapter(string dir) => PostgresConformance.Open(dir);
    protected override string LongRunningQuery => PostgresConformance.LongRunningQuery;
}

public sealed class PostgresCatalog : CatalogConformance
{
    protected override IAdapter OpenAdapter(string dir) => PostgresConformance.Open(dir);
    protected override string LongRunningQuery => PostgresConformance.LongRunningQuery;
}

public sealed class PostgresJinjaSurface : JinjaSurfaceConformance
{
    protected override IAdapter OpenAdapter(string dir) => PostgresConformance.Open(dir);
    protected override string LongRunningQuery => PostgresConformance.LongRunningQuery;
}
