using Slipway.Adapters.Relations;
using Slipway.Jinja;

namespace Slipway.Adapters.DuckDb.Tests.Contract;

public class RelationTests
{
    private static string Render(string template, object? rel) =>
        new JinjaEnvironment().FromString(template).Render(new Dictionary<string, object?> { ["rel"] = rel });

    [Fact]
    public void Renders_three_quoted_parts_by_default()
    {
        // dbt's default Postgres/DuckDB quote policy quotes every part.
        var r = new Relation("ci", "main_raw", "raw_orders", RelationType.Table);
        Assert.Equal("\"ci\".\"main_raw\".\"raw_orders\"", r.Render());
        Assert.Equal(r.Render(), r.ToString());
    }

    [Fact]
    public void Renders_unquoted_when_quoting_is_off()
    {
        var r = new Relation("ci", "main_mart_core", "fct_orders", quotePolicy: Policy.None);
        Assert.Equal("ci.main_mart_core.fct_orders", r.Render());
    }

    [Fact]
    public void Include_drops_parts_and_missing_parts_are_skipped()
    {
        var r = new Relation("db", "s", "t");
        Assert.Equal("\"s\".\"t\"", r.Include(database: false).Render());
        Assert.Equal("\"db\".\"s\"", new Relation("db", "s", null).Render());
        Assert.Equal("\"t\"", r.Include(database: false, schema: false).Render());
    }

    [Fact]
    public void Embedded_quotes_are_doubled()
    {
        Assert.Equal("\"a\"\"b\"", Relation.QuoteIdentifier("a\"b"));
    }

    [Fact]
    public void Templates_read_parts_and_type_flags()
    {
        var r = new Relation("db", "s", "t", RelationType.View);
        Assert.Equal("db|s|t|t|view|False|True|False", Render(
            "{{ rel.database }}|{{ rel.schema }}|{{ rel.identifier }}|{{ rel.name }}|{{ rel.type }}|{{ rel.is_table }}|{{ rel.is_view }}|{{ rel.is_cte }}", r));
    }

    [Fact]
    public void Templates_incorporate_include_and_str()
    {
        var r = new Relation("db", "s", "t", RelationType.Table);
        Assert.Equal("view \"db\".\"s\".\"t__tmp\"",
            Render("{% set x = rel.incorporate(path={'identifier': 't__tmp'}, type='view') %}{{ x.type }} {{ x }}", r));
        Assert.Equal("\"s\".\"t\"", Render("{{ rel.include(database=false) }}", r));
        Assert.Equal("\"db\".\"s\".\"t\"", Render("{{ rel.render() }}", r));
        Assert.Equal("s.t", Render("{{ rel.quote(schema=false, identifier=false).include(database=false) }}", r));
    }

    [Fact]
    public void Type_of_a_relation_without_one_is_none()
    {
        Assert.Equal("None", Render("{{ rel.type }}", new Relation("db", "s", "t")));
    }
}
