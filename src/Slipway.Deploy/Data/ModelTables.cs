using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Migrations.Operations;

namespace Slipway.Deploy.Data;

/// <summary>
/// A schema step that adds tables (and indexes) already in the EF Core model: the provider's own migration SQL
/// generator writes the DDL, so a step is the same for SQLite and PostgreSQL and matches what EnsureCreated makes.
/// </summary>
internal static class ModelTables
{
    public static Func<DeployDbContext, CancellationToken, Task> Add(string[] tables, string[] indexes) => async (db, ct) =>
    {
        var model = db.GetService<IDesignTimeModel>().Model.GetRelationalModel();
        var operations = db.GetService<IMigrationsModelDiffer>().GetDifferences(null, model)
            .Where(o => o is CreateTableOperation t && tables.Contains(t.Name)
                || o is CreateIndexOperation i && (tables.Contains(i.Table) || indexes.Contains(i.Name)))
            .ToList();
        foreach (var command in db.GetService<IMigrationsSqlGenerator>().Generate(operations, db.Model))
            await db.Database.ExecuteSqlRawAsync(command.CommandText, ct);
    };
}
