// Seed loading: Slipway's path (Sep parse + dbt type inference + DuckDB appender) against DuckDB reading the
// same file itself with read_csv. Usage: dotnet run -c Release -- [ROWS] [REPEATS]; prints a markdown table.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using nietras.SeparatedValues;
using Slipway.Adapters;
using Slipway.Adapters.DuckDb;
using Slipway.Adapters.Seeds;

var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
var repeats = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5;
var dir = Directory.CreateTempSubdirectory("slipway-bench-seed-").FullName;
try
{
    var csv = Path.Combine(dir, "orders.csv");
    WriteCsv(csv, rows);
    using var adapter = DuckDbAdapter.Create("bench", new Dictionary<string, object?> { ["path"] = "bench.duckdb" }, dir);

    double Measure(Action body)
    {
        body(); // warm-up
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            body();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        return best;
    }

    var relation = adapter.CreateRelation(adapter.Database, "main", "seed_orders");
    var slipway = Measure(() => adapter.LoadSeed(relation, SeedFile.Read(csv), new SeedLoadOptions()));
    var parseOnly = Measure(() => SeedFile.Read(csv));
    var sepOnly = Measure(() =>
    {
        using var reader = Sep.New(',').Reader(o => o with { Unescape = true }).FromFile(csv);
        var cells = new List<string>();
        foreach (var row in reader)
            for (var i = 0; i < row.ColCount; i++) cells.Add(row[i].ToString());
    });
    var duckdb = Measure(() => adapter.Execute($"create or replace table read_orders as select * from read_csv({AdapterBase.Literal(csv)}, header = true)"));

    var count = adapter.Execute("select count(*) from seed_orders", fetch: true).Table.Rows[0][0];
    Console.WriteLine($"Seed of {rows:N0} rows, 7 columns ({new FileInfo(csv).Length / 1024.0 / 1024.0:F1} MB); best of {repeats}; loaded {count} rows.");
    Console.WriteLine();
    Console.WriteLine("| path | ms | rows/s | vs read_csv |");
    Console.WriteLine("|---|---:|---:|---:|");
    void Row(string name, double ms) =>
        Console.WriteLine($"| {name} | {ms:F1} | {rows / (ms / 1000):N0} | {ms / duckdb:F2}x |");
    Row("DuckDB read_csv (create table as)", duckdb);
    Row("Slipway LoadSeed (parse + infer + appender)", slipway);
    Row("  of which Sep parse + inference", parseOnly);
    Row("  of which Sep parse into strings", sepOnly);
}
finally
{
    Directory.Delete(dir, true);
}

static void WriteCsv(string path, int rows)
{
    var sb = new StringBuilder("id,amount,name,day,at,flag,zip\n");
    var start = new DateTime(2024, 1, 1);
    for (var i = 1; i <= rows; i++)
    {
        var day = start.AddDays(i % 365);
        sb.Append(CultureInfo.InvariantCulture,
            $"{i},{i % 1000}.25,customer {i},{day:yyyy-MM-dd},{day:yyyy-MM-dd} {i % 24:00}:{i % 60:00}:00,{(i % 3 == 0 ? "true" : "false")},{i % 90000 + 10000}\n");
    }
    File.WriteAllText(path, sb.ToString());
}
