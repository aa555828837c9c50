using Slipway.Jinja.Syntax;
using Slipway.Jinja.Syntax.Ast;

namespace Slipway.Jinja.Tests.Syntax;

/// <summary>The shape of parsed trees (precedence as Jinja2's parser builds it).</summary>
public class ParserTests
{
    private static Expr ParseOutput(string source)
    {
        var root = Parser.Parse(new SourceText(source, false), "t", false, false, true);
        return Assert.IsType<OutputStmt>(Assert.Single(root.Body)).Value;
    }

    [Fact]
    public void Unary_minus_binds_tighter_than_power_in_Jinja2()
    {
        // Jinja2 parses -2 ** 2 as (-2) ** 2 (unlike Python), which is why it renders 4.
        var pow = Assert.IsType<BinaryExpr>(ParseOutput("{{ -2 ** 2 }}"));
        Assert.Equal("**", pow.Op);
        Assert.IsType<UnaryExpr>(pow.Left);
    }

    [Fact]
    public void Filters_apply_to_the_negated_value_and_tests_follow_filters()
    {
        // Jinja2 renders {{ -1|abs }} as 1: the filter takes the whole unary expression.
        var filter = Assert.IsType<FilterExpr>(ParseOutput("{{ -1|abs }}"));
        Assert.IsType<UnaryExpr>(filter.Value);
        var test = Assert.IsType<TestExpr>(ParseOutput("{{ x|length is odd }}"));
        Assert.IsType<FilterExpr>(test.Value);
    }

    [Fact]
    public void Comparison_chains_and_not_in_become_one_compare_node()
    {
        var cmp = Assert.IsType<CompareExpr>(ParseOutput("{{ a < b <= c not in d }}"));
        Assert.Equal(["<", "<=", "notin"], cmp.Ops);
    }

    [Fact]
    public void Elif_chains_nest_in_else()
    {
        var root = Parser.Parse(new SourceText("{% if a %}1{% elif b %}2{% else %}3{% endif %}", false), "t", false, false, true);
        var iff = Assert.IsType<IfStmt>(Assert.Single(root.Body));
        var elif = Assert.IsType<IfStmt>(Assert.Single(iff.Else));
        Assert.IsType<TextStmt>(Assert.Single(elif.Else));
    }

    [Fact]
    public void Macros_record_use_of_caller_varargs_and_kwargs()
    {
        var root = Parser.Parse(new SourceText("{% macro m(a, b=1) %}{{ caller() }}{{ kwargs }}{% endmacro %}", false), "t", false, false, true);
        var def = Assert.IsType<MacroStmt>(Assert.Single(root.Body)).Def;
        Assert.Equal(["a", "b"], def.Parameters);
        Assert.Null(def.Defaults[0]);
        Assert.NotNull(def.Defaults[1]);
        Assert.True(def.Caller);
        Assert.True(def.CatchKwargs);
        Assert.False(def.CatchVarargs);
    }
}
