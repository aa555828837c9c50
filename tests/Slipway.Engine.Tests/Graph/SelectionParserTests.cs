using Slipway.Engine.Graph.Selection;

namespace Slipway.Engine.Tests.Graph;

/// <summary>The selector atom grammar (@)?((\d*)\+)?((method(.arg)*):)?value(\+(\d*))? and its errors.</summary>
public class SelectionParserTests
{
    [Fact]
    public void A_full_atom_parses_into_its_parts()
    {
        var criteria = SelectionParser.ParseCriteria("2+config.meta.owner:alice+3");
        Assert.Equal("config", criteria.Method);
        Assert.Equal(["meta", "owner"], criteria.MethodArguments);
        Assert.Equal("alice", criteria.Value);
        Assert.True(criteria.Parents);
        Assert.Equal(2, criteria.ParentsDepth);
        Assert.True(criteria.Children);
        Assert.Equal(3, criteria.ChildrenDepth);
        Assert.False(criteria.ChildrensParents);
    }

    [Fact]
    public void Plus_without_digits_means_unlimited_depth()
    {
        var criteria = SelectionParser.ParseCriteria("+orders+");
        Assert.True(criteria.Parents && criteria.Children);
        Assert.Null(criteria.ParentsDepth);
        Assert.Null(criteria.ChildrenDepth);
        Assert.True(SelectionParser.ParseCriteria("@orders").ChildrensParents);
    }

    [Theory]
    [InlineData("orders", "fqn")]
    [InlineData("shop.marts.orders", "fqn")]
    [InlineData("models/marts", "path")]
    [InlineData("models\\marts", "path")]
    [InlineData("orders.sql", "file")]
    [InlineData("load.py", "file")]
    [InlineData("raw_orders.CSV", "file")]
    [InlineData("*", "fqn")]
    public void The_default_method_depends_on_the_value(string raw, string method) =>
        Assert.Equal(method, SelectionParser.ParseCriteria(raw).Method);

    [Fact]
    public void An_unknown_method_is_reported_as_dbt_does()
    {
        var error = Assert.Throws<SelectorException>(() => SelectionParser.ParseCriteria("foo:bar"));
        Assert.Equal("'foo' is not a valid method name", error.Message);
    }

    [Fact]
    public void Invalid_values_of_known_methods_are_reported()
    {
        Assert.Equal("Invalid resource_type selector \"table\"",
            Assert.Throws<SelectorException>(() => ShopGraph.Direct("resource_type:table")).Message);
        Assert.Equal("Invalid test type selector foo: expected \"generic\", \"singular\", \"unit\", or \"data\"",
            Assert.Throws<SelectorException>(() => ShopGraph.Direct("test_type:foo")).Message);
        Assert.StartsWith("Invalid test type selector dat:",
            Assert.Throws<SelectorException>(() => ShopGraph.Direct("test_type:dat")).Message);
        Assert.StartsWith("Invalid source selector value \"a.b.c.d\".",
            Assert.Throws<SelectorException>(() => ShopGraph.Direct("source:a.b.c.d")).Message);
        Assert.StartsWith("Invalid version type selector newest",
            Assert.Throws<SelectorException>(() => ShopGraph.Direct("version:newest")).Message);
    }

    [Fact]
    public void Spaces_make_a_union_of_comma_intersections()
    {
        var spec = SelectionParser.ParseDifference(["a b,c", "d"], ["e"]);
        var included = Assert.IsType<SelectionUnion>(spec.Components[0]);
        Assert.Equal(["a", "b,c", "d"], included.Components.Select(c => c.Raw));
        var intersection = Assert.IsType<SelectionIntersection>(included.Components[1]);
        Assert.Equal(["b", "c"], intersection.Components.Select(c => ((SelectionCriteria)c).Value));
        Assert.Single(Assert.IsType<SelectionUnion>(spec.Components[1]).Components);
    }

    [Fact]
    public void Empty_parts_between_spaces_are_ignored()
    {
        var spec = SelectionParser.ParseDifference(["a  b "], null);
        Assert.Equal(["a", "b"], Assert.IsType<SelectionUnion>(spec.Components[0]).Components.Select(c => c.Raw));
    }

    [Fact]
    public void No_selection_uses_dbts_default_includes()
    {
        var spec = SelectionParser.ParseDifference(null, null);
        var included = Assert.IsType<SelectionUnion>(spec.Components[0]);
        Assert.Contains("fqn:*", included.Components.Select(c => c.Raw));
        Assert.Contains("source:*", included.Components.Select(c => c.Raw));
        Assert.Contains("exposure:*", included.Components.Select(c => c.Raw));
        Assert.Contains("metric:*", included.Components.Select(c => c.Raw));
        Assert.Contains("semantic_model:*", included.Components.Select(c => c.Raw));
    }
}
