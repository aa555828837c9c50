namespace Slipway.Adapters.DuckDb.Tests;

public class CatalogTests
{
    [Fact]
    public void One_row_per_column_with_types_positions_comments_and_relation_type()
    {
        using var db = new TempDuckDb();
        db.Adapter.Execute("""
            create schema mart;
            create table mart.customers (id integer, name varchar);
            comment on table mart.customers is 'one row per customer';
            comment on column mart.customers.name is 'full name';
            create view mart.v_customers as select id from mart.customers;
            create table main.elsewhere (x integer);
            """);
        var rows = db.Adapter.GetCatalog("dev", ["mart"]);
        Assert.Equal(3, rows.Count);
        var name = rows.Single(r => r.TableName == "customers" && r.ColumnName == "name");
        Assert.Equal(("dev", "mart", "BASE TABLE", "one row per customer", 2, "VARCHAR", "full name"),
            (name.TableDatabase, name.TableSchema, name.TableType, name.TableComment, name.ColumnIndex, name.ColumnType, name.ColumnComment));
        var id = rows.Single(r => r.TableName == "customers" && r.ColumnName == "id");
        Assert.Equal(1, id.ColumnIndex);
        Assert.Null(id.ColumnComment);
        var view = rows.Single(r => r.TableName == "v_customers");
        Assert.Equal("VIEW", view.TableType);
        Assert.Null(view.TableComment);
    }
}
