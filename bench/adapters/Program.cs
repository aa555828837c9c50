// Seed loading: Slipway's path (Sep parse + dbt type inference + DuckDB appender) against DuckDB reading the
// same file itself with read_csv. Usage: dotnet run -c Release -- [ROWS] [REPEATS]; prints a markdown table.
using System.Globalization;
using nietras.SeparatedValues;
using Slipway.Adapters;
using Slipway.Adapters.DuckDb;
using Slipway.Adapters.Seeds;
using Slipway.Bench;

var bench = SeedBench.FromArgs(args, defaultRepeats: 5);
var dir = Directory.CreateTempSubdirectory("slipway-bench-seed-").FullName;
try
{
    var csv = Path.Combine(dir, "orders.csv");
    bench.WriteCsv(csv);
    using var adapter = DuckDbAdapter.Create("bench", new Dictionary<string, object?> { ["path"] = "bench.duckdb" }, dir);


    var relation = adapter.CreateRelation(adapter.Database, "main", "seed_orders");
    var slipway = bench.Measure(() => adapter.LoadSeed(relation, SeedFile.Read(csv), new SeedLoadOptions()));
    var parseOnly = bench.Measure(() => SeedFile.Read(csv));
    var sepOnly = bench.Measure(() =>
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(csv);
        var cells = new List<string>();
        foreach (var row in reader)
            for (var i = 0; i < row.ColCount; i++) cells.Add(row[i].ToString());
    });
    var duckdb = bench.Measure(() => adapter.Execute($"create or replace table read_orders as select * from read_csv({AdapterBase.Literal(csv)}, header = true)"));

    var count = adapter.Execute("select count(*) from seed_orders", fetch: true).Table.Rows[0][0];
    Console.WriteLine($"{bench.Describe(csv)}; {bench.Repeats}; loaded {count} rows.");
    var Row = bench.Table("read_csv", duckdb);
    Row("DuckDB read_csv (create table as)", duckdb);
    Row("Slipway LoadSeed (parse + infer + appender)", slipway);
    Row("  of which Sep parse + inference", parseOnly);
    Row("  of which Sep parse into strings", sepOnly);
}
finally
{
    Directory.Delete(dir, true);
}
