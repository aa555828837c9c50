using Slipway.Adapters.Columns;

namespace Slipway.Adapters.Conformance;

public abstract class CatalogConformance : AdapterTestBase
{
    [Fact]
    public void One_row_per_column_with_types_positions_comments_and_relation_type()
    {
        var other = Schema + "_x";
        Adapter.Execute($"create table {Q("customers")} (id integer, name varchar(50))");
        Adapter.Execute($"comment on table {Q("customers")} is 'one row per customer'");
        Adapter.Execute($"comment on column {Q("customers")}.name is 'full name'");
        Adapter.Execute($"create view {Q("v_customers")} as select id from {Q("customers")}");
        Adapter.Execute($"create schema {other}; create table {other}.elsewhere (x integer)");
        try
        {
            var rows = Adapter.GetCatalog(Database, [Schema]);
            Assert.Equal(3, rows.Count);
            var name = rows.Single(r => r.TableName == "customers" && r.ColumnName == "name");
            Assert.Equal((Database, Schema, "BASE TABLE", "one row per customer", 2, "full name"),
                (name.TableDatabase, name.TableSchema, name.TableType, name.TableComment, name.ColumnIndex, name.ColumnComment));
            Assert.True(new Column("name", name.ColumnType).IsString, name.ColumnType);
            var id = rows.Single(r => r.TableName == "customers" && r.ColumnName == "id");
            Assert.Equal(1, id.ColumnIndex);
            Assert.Null(id.ColumnComment);
            var view = rows.Single(r => r.TableName == "v_customers");
            Assert.Equal("VIEW", view.TableType);
            Assert.Null(view.TableComment);
        }
        finally
        {
            Adapter.DropSchema(Adapter.CreateRelation(Database, other, null));
        }
    }
}
