using Npgsql;
using NpgsqlTypes;
using Slipway.Adapters.Relations;
using Slipway.Adapters.Results;
using Slipway.Adapters.Seeds;

namespace Slipway.Adapters.Postgres;

// Seeds load with binary COPY: every row goes to the server as typed values in one stream, not one INSERT per row.
public sealed partial class PostgresAdapter
{
    public override AdapterResponse LoadSeed(Relation relation, SeedTable table, SeedLoadOptions options, CancellationToken cancellationToken = default)
    {
        var columns = SeedColumns(table, options);
        var target = relation.Incorporate(database: relation.Database ?? Database, schema: relation.Schema ?? Schema, type: RelationType.Table);
        if (options.Create)
        {
            DropRelation(target, cancellationToken);
            Run($"create table {target.Render()} ({string.Join(", ", columns.Select(c => $"{c.Sql} {c.Type}"))})", false, cancellationToken);
            CacheAdded(target);
        }
        // Binary COPY needs each value in the column's exact type. Overridden types (and an existing table's types)
        // may be anything, so such rows go through a temp table whose overridden columns are text, then one
        // INSERT … SELECT casts them.
        var staged = !options.Create || columns.Any(c => c.Overridden);
        var temp = Quote("__slipway_seed_" + Guid.NewGuid().ToString("N"));
        if (staged)
            Run($"create temp table {temp} ({string.Join(", ", columns.Select((c, i) => $"{Quote("c" + i)} {(c.Overridden ? "text" : c.Type)}"))})", false, cancellationToken);
        try
        {
            var into = staged
                ? $"{temp} ({string.Join(", ", columns.Select((_, i) => Quote("c" + i)))})"
                : $"{target.Render()} ({string.Join(", ", columns.Select(c => c.Sql))})";
            Copy(table, columns, into, cancellationToken);
            if (staged)
                Run($"insert into {target.Render()} ({string.Join(", ", columns.Select(c => c.Sql))}) select {string.Join(", ", columns.Select((c, i) => c.Overridden ? $"cast({Quote("c" + i)} as {c.Type})" : Quote("c" + i)))} from {temp}",
                    false, cancellationToken);
        }
        finally
        {
            if (staged) TryRun($"drop table if exists {temp}");
        }
        return new AdapterResponse($"INSERT {table.Rows.Count}", "INSERT", table.Rows.Count);
    }

    private void TryRun(string sql)
    {
        try { Run(sql, false, CancellationToken.None); }
        catch (AdapterException) { /* the transaction it ran in is gone; so is the temp table's need */ }
    }

    private void Copy(SeedTable table, IReadOnlyList<(string Name, string Sql, string Type, bool Overridden)> columns, string into, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)CurrentConnection;
        var kinds = table.Columns.Select((c, i) => columns[i].Overridden ? SeedValueKind.Text : c.Kind).ToArray();
        var asInt = table.Columns.Select((c, i) => !columns[i].Overridden && columns[i].Type == "integer").ToArray();
        var line = 1; // the header is line 1
        try
        {
            using var importer = connection.BeginBinaryImport($"copy {into} from stdin (format binary)");
            foreach (var cells in table.Rows)
            {
                line++;
                if ((line & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
                importer.StartRow();
                for (var i = 0; i < cells.Length; i++)
                {
                    var cell = cells[i];
                    if (SeedTypeInference.IsNull(cell)) importer.WriteNull();
                    else WriteCell(importer, kinds[i], asInt[i], cell!, table, i, line);
                }
            }
            cancellationToken.ThrowIfCancellationRequested();
            importer.Complete();
        }
        catch (Exception e) when (e is NpgsqlException or AdapterException or OperationCanceledException or InvalidCastException)
        {
            // A failed COPY aborts the transaction it ran in; end it so the connection is usable again.
            TryRollback();
            if (e is AdapterException or OperationCanceledException) throw;
            throw DatabaseError(e, $"Could not load seed {table.Path}");
        }
    }

    private void TryRollback()
    {
        try { Rollback(); }
        catch (AdapterException) { /* nothing left to roll back */ }
    }

    private static void WriteCell(NpgsqlBinaryImporter importer, SeedValueKind kind, bool asInt, string cell, SeedTable table, int column, int line)
    {
        switch (kind)
        {
            case SeedValueKind.Integer or SeedValueKind.Number when asInt:
            {
                var value = kind == SeedValueKind.Integer
                    ? SeedTypeInference.TryInteger(cell, out var l) ? l : 0m
                    : (decimal)SeedTypeInference.Convert(kind, cell)!;
                if (value is < int.MinValue or > int.MaxValue)
                    throw new AdapterException($"Could not load seed {table.Path}: line {line}, column '{table.Header[column]}': {cell} is out of range for type integer.");
                importer.Write((int)value, NpgsqlDbType.Integer);
                break;
            }
            case SeedValueKind.Number:
                importer.Write((double)(decimal)SeedTypeInference.Convert(kind, cell)!, NpgsqlDbType.Double);
                break;
            case SeedValueKind.Date:
                importer.Write(DateOnly.FromDateTime((DateTime)SeedTypeInference.Convert(kind, cell)!), NpgsqlDbType.Date);
                break;
            case SeedValueKind.DateTime or SeedValueKind.IsoDateTime:
                importer.Write(DateTime.SpecifyKind((DateTime)SeedTypeInference.Convert(kind, cell)!, DateTimeKind.Unspecified), NpgsqlDbType.Timestamp);
                break;
            case SeedValueKind.Boolean:
                importer.Write((bool)SeedTypeInference.Convert(kind, cell)!, NpgsqlDbType.Boolean);
                break;
            default:
                importer.Write(cell, NpgsqlDbType.Text);
                break;
        }
    }
}
