using Slipway.Adapters.Conformance.Capabilities;

namespace Slipway.Adapters.Postgres.Tests;

/// <summary>The capability conformance classes on the test PostgreSQL server (SLIPWAY_TEST_PG), each test in a schema of its own.</summary>
public sealed class PostgresWarehouse : IWarehouse
{
    public string Type => "postgres";

    public IReadOnlyDictionary<string, object?> Target(string projectDir, string schema) =>
        PgServer.Profile(new Dictionary<string, object?> { ["schema"] = schema });

    public IAdapter Open(string projectDir) => PgServer.Open(target: "capability");
}
