using System.Diagnostics;
using System.Text.Json;
using Npgsql;

// Replays what `slipway run` built, straight into PostgreSQL through Npgsql on one connection: for each model of
// target/run_results.json, in the order it ran, one transaction with `create or replace view <relation> as (<SQL>)`
// or `drop table if exists <relation> cascade; create table <relation> as (<SQL>)`. This is the floor for building
// the same relations: no parsing, no Jinja, no catalog queries, no intermediate relation and rename swap.
//
//   dotnet run -c Release --project bench/postgres/Replay -- <project dir> <Npgsql connection string>
// Prints one line: "replay <n> statements in <seconds> s".
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Slipway.Bench.PostgresReplay <project dir> <connection string>");
    return 2;
}
var project = args[0];
using var results = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(project, "target", "run_results.json")));
using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(project, "target", "manifest.json")));
var nodes = manifest.RootElement.GetProperty("nodes");
var statements = new List<string>();
foreach (var r in results.RootElement.GetProperty("results").EnumerateArray())
{
    var id = r.GetProperty("unique_id").GetString()!;
    if (!id.StartsWith("model.", StringComparison.Ordinal)) continue;
    var materialized = nodes.GetProperty(id).GetProperty("config").GetProperty("materialized").GetString();
    var relation = r.GetProperty("relation_name").GetString();
    var sql = r.GetProperty("compiled_code").GetString();
    statements.Add(materialized == "view"
        ? $"create or replace view {relation} as (\n{sql}\n)"
        : $"drop table if exists {relation} cascade;\ncreate table {relation} as (\n{sql}\n)");
}
var clock = Stopwatch.StartNew();
using (var connection = new NpgsqlConnection(args[1]))
{
    connection.Open();
    foreach (var sql in statements)
    {
        using var transaction = connection.BeginTransaction();
        using var command = new NpgsqlCommand(sql, connection, transaction);
        command.ExecuteNonQuery();
        transaction.Commit();
    }
}
Console.WriteLine($"replay {statements.Count} statements in {clock.Elapsed.TotalSeconds:0.000} s");
return 0;
