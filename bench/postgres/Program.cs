// Seed loading on PostgreSQL: Slipway's path (Sep parse + dbt type inference + binary COPY) against the server
// parsing the CSV itself (text COPY) and against batched INSERTs. Usage: dotnet run -c Release -- [ROWS] [REPEATS].
using System.Globalization;
using System.Text;
using Npgsql;
using Slipway.Adapters;
using Slipway.Adapters.Postgres;
using Slipway.Adapters.Seeds;
using Slipway.Bench;

var bench = SeedBench.FromArgs(args, defaultRepeats: 3);
var connectionString = Environment.GetEnvironmentVariable("SLIPWAY_TEST_PG")
    ?? throw new InvalidOperationException("SLIPWAY_TEST_PG is not set: start a server with scripts/postgres.sh first.");
var b = new NpgsqlConnectionStringBuilder(connectionString);
var schema = "bench_" + Guid.NewGuid().ToString("N")[..8];
var dir = Directory.CreateTempSubdirectory("slipway-bench-pg-").FullName;
using var adapter = PostgresAdapter.Create("bench", new Dictionary<string, object?>
{
    ["host"] = b.Host, ["port"] = (long)b.Port, ["user"] = b.Username, ["password"] = b.Password,
    ["dbname"] = b.Database ?? "postgres", ["schema"] = schema,
});
adapter.CreateSchema(adapter.CreateRelation(adapter.Database, schema, null));
try
{
    var csv = Path.Combine(dir, "orders.csv");
    bench.WriteCsv(csv);
    const string columns = "id integer, amount float8, name text, day date, at timestamp, flag boolean, zip integer";


    var relation = adapter.CreateRelation(adapter.Database, schema, "seed_orders");
    var slipway = bench.Measure(() => adapter.LoadSeed(relation, SeedFile.Read(csv), new SeedLoadOptions()));
    var parseOnly = bench.Measure(() => SeedFile.Read(csv));

    b.Database ??= "postgres";
    using var raw = new NpgsqlConnection(b.ConnectionString);
    raw.Open();
    void Exec(string sql)
    {
        using var cmd = raw.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    var textCopy = bench.Measure(() =>
    {
        Exec($"drop table if exists {schema}.copy_orders; create table {schema}.copy_orders ({columns})");
        using var writer = raw.BeginTextImport($"copy {schema}.copy_orders from stdin (format csv, header)");
        using var file = File.OpenText(csv);
        var buffer = new char[1 << 16];
        int n;
        while ((n = file.Read(buffer, 0, buffer.Length)) > 0) writer.Write(buffer, 0, n);
    });

    var parsed = SeedFile.Read(csv);
    var typed = Enumerable.Range(0, parsed.Rows.Count).Select(parsed.TypedRow).ToList();
    var binaryCopy = bench.Measure(() =>
    {
        Exec($"drop table if exists {schema}.binary_orders; create table {schema}.binary_orders ({columns})");
        using var importer = raw.BeginBinaryImport($"copy {schema}.binary_orders from stdin (format binary)");
        foreach (var row in typed)
        {
            importer.StartRow();
            importer.Write((int)(long)row[0]!, NpgsqlTypes.NpgsqlDbType.Integer);
            importer.Write((double)(decimal)row[1]!, NpgsqlTypes.NpgsqlDbType.Double);
            importer.Write((string)row[2]!, NpgsqlTypes.NpgsqlDbType.Text);
            importer.Write(DateOnly.FromDateTime((DateTime)row[3]!), NpgsqlTypes.NpgsqlDbType.Date);
            importer.Write((DateTime)row[4]!, NpgsqlTypes.NpgsqlDbType.Timestamp);
            importer.Write((bool)row[5]!, NpgsqlTypes.NpgsqlDbType.Boolean);
            importer.Write((int)(long)row[6]!, NpgsqlTypes.NpgsqlDbType.Integer);
        }
        importer.Complete();
    });

    var inserts = bench.Measure(() =>
    {
        Exec($"drop table if exists {schema}.insert_orders; create table {schema}.insert_orders ({columns})");
        var table = SeedFile.Read(csv);
        for (var start = 0; start < table.Rows.Count; start += 1000)
        {
            using var cmd = raw.CreateCommand();
            var sql = new StringBuilder($"insert into {schema}.insert_orders values ");
            var end = Math.Min(start + 1000, table.Rows.Count);
            for (var r = start; r < end; r++)
            {
                sql.Append(r == start ? "(" : ", (");
                var values = table.TypedRow(r);
                for (var c = 0; c < values.Length; c++)
                {
                    var p = cmd.CreateParameter();
                    p.Value = values[c] switch { null => DBNull.Value, long l => (int)l, decimal d => (double)d, var v => v };
                    cmd.Parameters.Add(p);
                    sql.Append(c == 0 ? "$" : ", $").Append(cmd.Parameters.Count);
                }
                sql.Append(')');
            }
            cmd.CommandText = sql.ToString();
            cmd.ExecuteNonQuery();
        }
    });

    var count = adapter.Execute($"select count(*) from {schema}.seed_orders", fetch: true).Table.Rows[0][0];
    Console.WriteLine($"{bench.Describe(csv)} into PostgreSQL {raw.PostgreSqlVersion}; {bench.Repeats}; loaded {count} rows.");
    var Row = bench.Table("text COPY", textCopy);
    Row("server parses the CSV (text COPY via Npgsql)", textCopy);
    Row("Slipway LoadSeed (parse + infer + binary COPY)", slipway);
    Row("  of which Sep parse + inference", parseOnly);
    Row("binary COPY of already-typed rows (driver + server only)", binaryCopy);
    Row("batched INSERTs, 1,000 rows each", inserts);
}
finally
{
    adapter.DropSchema(adapter.CreateRelation(adapter.Database, schema, null));
    Directory.Delete(dir, true);
}
