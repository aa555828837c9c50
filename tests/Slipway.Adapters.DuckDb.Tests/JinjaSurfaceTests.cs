using Slipway.Adapters.Relations;
using Slipway.Adapters.Results;
using Slipway.Jinja;

namespace Slipway.Adapters.DuckDb.Tests;

// What dbt macros do with `adapter`, its results and `api`, rendered by our Jinja engine against real DuckDB.
public class JinjaSurfaceTests
{
    private static string Render(TempDuckDb db, string template) =>
        new JinjaEnvironment().FromString(template).Render(new Dictionary<string, object?> { ["adapter"] = db.Adapter });

    [Fact]
    public void Execute_returns_response_and_agate_like_table()
    {
        using var db = new TempDuckDb();
        var text = Render(db, """
            {%- set res = adapter.execute("select 42 as answer, 'a' as letter union all select 7, 'b' order by 1", fetch=True) -%}
            {{ res[0] }}|{{ res[1].column_names }}|{{ res[1].columns[0].values() }}|{{ res[1].rows[1][1] }}|{{ res[1].rows[0].letter }}|{{ res[1].rows | length }}
            """);
        Assert.Equal("OK|('answer', 'letter')|(7, 42)|a|b|2", text);
    }

    [Fact]
    public void Get_relation_and_columns_from_templates()
    {
        using var db = new TempDuckDb();
        db.Adapter.Execute("create table orders (id integer, note varchar)");
        var text = Render(db, """
            {%- set r = adapter.get_relation(database='dev', schema='main', identifier='orders') -%}
            {%- set missing = adapter.get_relation(database='dev', schema='main', identifier='nope') -%}
            {{ r }} {{ r.type }} {{ missing is none }} {% for c in adapter.get_columns_in_relation(r) %}{{ c.name }}:{{ c.dtype }} {% endfor %}
            """);
        Assert.Equal("\"dev\".\"main\".\"orders\" table True id:INTEGER note:VARCHAR ", text);
    }

    [Fact]
    public void Relation_factory_applies_project_quoting()
    {
        using var db = new TempDuckDb();
        db.Adapter.Quoting = Policy.None;
        Assert.Equal("dev.main.t view", Render(db, "{% set r = adapter.Relation.create(database='dev', schema='main', identifier='t', type='view') %}{{ r }} {{ r.type }}"));
        Assert.Equal("duckdb ? \"x\"", Render(db, "{{ adapter.type() }} {{ adapter.get_binding_char() }} {{ adapter.quote('x') }}"));
    }

    [Fact]
    public void Print_table_and_csv_write_the_results()
    {
        var t = new ResultTable(["id", "name"], ["INTEGER", "VARCHAR"], [[1L, "ann"], [22L, "b,c"]]);
        Assert.Equal("id,name\r\n1,ann\r\n22,\"b,c\"\r\n", t.ToCsv());
        Assert.Equal("| id | name |\n| -- | ---- |\n|  1 | ann  |\n| 22 | b,c  |\n", t.ToTableText());
    }
}
