using System.Globalization;
using DuckDB.NET.Data;
using DuckDB.NET.Native;
using Slipway.Adapters.Relations;
using Slipway.Adapters.Results;
using Slipway.Adapters.Seeds;

namespace Slipway.Adapters.DuckDb;

// Seeds load through DuckDB's appender: rows go in as typed values in bulk, not one INSERT per row.
public sealed partial class DuckDbAdapter
{
    public override AdapterResponse LoadSeed(Relation relation, SeedTable table, SeedLoadOptions options, CancellationToken cancellationToken = default)
    {
        var columns = SeedColumns(table, options);
        var target = relation.Incorporate(database: relation.Database ?? Database, schema: relation.Schema ?? Schema, type: RelationType.Table);
        if (options.Create)
        {
            Run($"create or replace table {target.Render()} ({string.Join(", ", columns.Select(c => $"{c.Sql} {c.Type}"))})", false, cancellationToken);
            CacheAdded(target);
        }
        // Overridden types (and an existing table's types) may need casts the appender does not do: such rows
        // go through a temp table whose overridden columns are text, then one INSERT … SELECT casts them.
        var staged = !options.Create || columns.Any(c => c.Overridden);
        string catalog = target.Database!, schema = target.Schema!, name = target.Identifier!;
        if (staged)
        {
            (catalog, schema, name) = ("temp", "main", "__slipway_seed_" + Guid.NewGuid().ToString("N"));
            Run($"create temp table {Quote(name)} ({string.Join(", ", columns.Select((c, i) => $"{Quote("c" + i)} {(c.Overridden ? "varchar" : c.Type)}"))})", false, cancellationToken);
        }
        try
        {
            Append(table, columns, catalog, schema, name, cancellationToken);
            if (staged)
                Run($"insert into {target.Render()} ({string.Join(", ", columns.Select(c => c.Sql))}) select {string.Join(", ", columns.Select((_, i) => Quote("c" + i)))} from {Quote("temp")}.{Quote("main")}.{Quote(name)}",
                    false, cancellationToken);
        }
        finally
        {
            if (staged) Run($"drop table if exists {Quote("temp")}.{Quote("main")}.{Quote(name)}", false, CancellationToken.None);
        }
        return new AdapterResponse($"INSERT {table.Rows.Count}", "INSERT", table.Rows.Count);
    }

    private void Append(SeedTable table, IReadOnlyList<(string Name, string Sql, string Type, bool Overridden)> columns,
        string catalog, string schema, string name, CancellationToken cancellationToken)
    {
        var connection = (DuckDBConnection)CurrentConnection;
        var kinds = table.Columns.Select((c, i) => columns[i].Overridden ? SeedValueKind.Text : c.Kind).ToArray();
        var asInt = table.Columns.Select((c, i) => !columns[i].Overridden && columns[i].Type == "integer").ToArray();
        var rowNumber = 1; // the header is line 1
        try
        {
            using var appender = connection.CreateAppender(catalog, schema, name);
            foreach (var cells in table.Rows)
            {
                rowNumber++;
                if ((rowNumber & 4095) == 0) cancellationToken.ThrowIfCancellationRequested();
                var row = appender.CreateRow();
                for (var i = 0; i < cells.Length; i++)
                {
                    var cell = cells[i];
                    if (cell is null) { row.AppendNullValue(); continue; }
                    AppendCell(row, kinds[i], asInt[i], cell, table, i, rowNumber);
                }
                row.EndRow();
            }
        }
        catch (DuckDBException e)
        {
            throw DatabaseError(e, $"Could not load seed {table.Path}");
        }
    }

    private static void AppendCell(IDuckDBAppenderRow row, SeedValueKind kind, bool asInt, string cell, SeedTable table, int column, int line)
    {
        switch (kind)
        {
            case SeedValueKind.Integer or SeedValueKind.Number when asInt:
            {
                var value = kind == SeedValueKind.Integer ? SeedTypeInference.TryInteger(cell, out var l) ? l : 0 : (decimal)SeedTypeInference.Convert(kind, cell)!;
                if (value is < int.MinValue or > int.MaxValue)
                    throw new AdapterException($"Could not load seed {table.Path}: line {line}, column '{table.Header[column]}': {cell} is out of range for type integer.");
                row.AppendValue((int?)(int)value);
                break;
            }
            case SeedValueKind.Number:
                row.AppendValue((double?)(double)(decimal)SeedTypeInference.Convert(kind, cell)!);
                break;
            case SeedValueKind.Date:
                row.AppendValue((DuckDBDateOnly?)DuckDBDateOnly.FromDateOnly(DateOnly.FromDateTime((DateTime)SeedTypeInference.Convert(kind, cell)!)));
                break;
            case SeedValueKind.DateTime or SeedValueKind.IsoDateTime:
                row.AppendValue((DateTime?)(DateTime)SeedTypeInference.Convert(kind, cell)!);
                break;
            case SeedValueKind.Boolean:
                row.AppendValue((bool?)(bool)SeedTypeInference.Convert(kind, cell)!);
                break;
            default:
                row.AppendValue(cell);
                break;
        }
    }
}
