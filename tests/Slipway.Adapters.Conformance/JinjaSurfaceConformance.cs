using Slipway.Adapters.Relations;
using Slipway.Jinja;

namespace Slipway.Adapters.Conformance;

// What dbt macros do with `adapter` and its results, rendered by our Jinja engine against the real warehouse.
public abstract class JinjaSurfaceConformance : AdapterTestBase
{
    protected string Render(string template) =>
        new JinjaEnvironment().FromString(template).Render(new Dictionary<string, object?> { ["adapter"] = Adapter, ["schema"] = Schema, ["database"] = Database });

    [Fact]
    public void Execute_returns_response_and_agate_like_table()
    {
        var text = Render("""
            {%- set res = adapter.execute("select 42 as answer, 'a' as letter union all select 7, 'b' order by 1", fetch=True) -%}
            {{ res[1].column_names }}|{{ res[1].columns[0].values() }}|{{ res[1].rows[1][1] }}|{{ res[1].rows[0].letter }}|{{ res[1].rows | length }}
            """);
        Assert.Equal("('answer', 'letter')|(7, 42)|a|b|2", text);
    }

    [Fact]
    public void Execute_limit_caps_the_fetched_rows()
    {
        Assert.Equal("3", Render("{{ adapter.execute('select * from generate_series(1, 10)', fetch=True, limit=3)[1].rows | length }}"));
    }

    [Fact]
    public void Get_relation_and_columns_from_templates()
    {
        Adapter.Execute($"create table {Q("orders")} (id integer, note varchar(10))");
        var text = Render("""
            {%- set r = adapter.get_relation(database=database, schema=schema, identifier='orders') -%}
            {%- set missing = adapter.get_relation(database=database, schema=schema, identifier='nope') -%}
            {{ r.identifier }} {{ r.type }} {{ missing is none }} {% for c in adapter.get_columns_in_relation(r) %}{{ c.name }}:{{ c.is_string() }} {% endfor %}
            """);
        Assert.Equal("orders table True id:False note:True ", text);
    }

    [Fact]
    public void A_seed_loads_from_a_template_like_a_seed_materialization()
    {
        var path = WriteFile("s.csv", "id,code\n1,007\n2,042\n");
        var table = Slipway.Adapters.Seeds.SeedFile.Read(path, textColumns: ["code"]);
        var text = new JinjaEnvironment().FromString("""
            {{- agate_table.column_names }} {{ agate_table.column_types }} {{ agate_table.rows[1] }}
            {%- set rel = adapter.Relation.create(database=database, schema=schema, identifier='s') %}
            {{ adapter.load_seed(rel, agate_table, {'code': 'varchar(3)'}, true, true) }}
            """).Render(new Dictionary<string, object?> { ["adapter"] = Adapter, ["schema"] = Schema, ["database"] = Database, ["agate_table"] = table });
        Assert.Equal("('id', 'code') ('Integer', 'Text') (2, '042')\nINSERT 2", text);
        Assert.Equal("042", Scalar($"select code from {Q("s")} where id = 2"));
    }

    [Fact]
    public void Relation_factory_applies_project_quoting()
    {
        Adapter.Quoting = Policy.None;
        Assert.Equal($"{Database}.{Schema}.t view",
            Render("{% set r = adapter.Relation.create(database=database, schema=schema, identifier='t', type='view') %}{{ r }} {{ r.type }}"));
        Assert.Equal("\"x\"", Render("{{ adapter.quote('x') }}"));
    }
}
