using System.Diagnostics;
using Slipway.Bench;
using DuckDB.NET.Data;

// Replays what `slipway run` built, straight into DuckDB on one connection: for each node of
// target/run_results.json, in the order it ran, `create or replace view|table <relation> as <compiled SQL>`.
// This is the floor for building the same relations: no parsing, no Jinja, no catalog queries.
//
//   dotnet run -c Release --project bench/engine/Replay -- <project dir> <database file>
// Prints one line: "replay <n> statements in <seconds> s".
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Slipway.Bench.Replay <project dir> <database file>");
    return 2;
}
var statements = RunReplay.ModelsInRunOrder(args[0])
    .Select(m => $"create or replace {(m.Materialized == "view" ? "view" : "table")} {m.Relation} as (\n{m.CompiledSql}\n)")
    .ToList();
var clock = Stopwatch.StartNew();
using (var connection = new DuckDBConnection($"DataSource={args[1]}"))
{
    connection.Open();
    // "--transactions" wraps each statement in begin/commit, as a materialization's statement does.
    var wrap = args.Contains("--transactions");
    void Exec(string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
    foreach (var sql in statements)
    {
        if (wrap) Exec("begin");
        Exec(sql);
        if (wrap) Exec("commit");
    }
}
Console.WriteLine($"replay {statements.Count} statements in {clock.Elapsed.TotalSeconds:0.000} s");
return 0;
