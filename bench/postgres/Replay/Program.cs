using System.Diagnostics;
using Slipway.Bench;
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
var statements = RunReplay.ModelsInRunOrder(args[0])
    .Select(m => m.Materialized == "view"
        ? $"create or replace view {m.Relation} as (\n{m.CompiledSql}\n)"
        : $"drop table if exists {m.Relation} cascade;\ncreate table {m.Relation} as (\n{m.CompiledSql}\n)")
    .ToList();
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
