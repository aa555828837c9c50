using Slipway.Adapters.Conformance.Capabilities;

namespace Slipway.Adapters.DuckDb.Tests;

/// <summary>The capability conformance classes on embedded DuckDB: one database file in each test's project folder.</summary>
public sealed class DuckDbWarehouse : IWarehouse
{
    private const string File = "warehouse.duckdb";

    public string Type => "duckdb";

    public IReadOnlyDictionary<string, object?> Target(string projectDir, string schema) => new Dictionary<string, object?>
    {
        ["type"] = "duckdb",
        ["path"] = File,
        ["schema"] = schema,
        ["threads"] = 4,
    };

    public IAdapter Open(string projectDir) =>
        DuckDbAdapter.Create("capability", new Dictionary<string, object?> { ["path"] = File }, projectDir);
}
