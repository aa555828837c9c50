namespace Slipway.Jinja.Tests.Runtime;

/// <summary>Sandbox limits and the shape of error messages.</summary>
public class LimitsAndErrorsTests
{
    private static readonly Dictionary<string, object?> Empty = new();

    [Fact]
    public void Endless_macro_recursion_stops_with_a_recursion_error()
    {
        var env = new JinjaEnvironment(new JinjaOptions { MaxRecursionDepth = 50 });
        var e = Assert.Throws<TemplateError>(() => env.FromString("{% macro m() %}{{ m() }}{% endmacro %}{{ m() }}", "r.sql").Render(Empty));
        Assert.Equal("RecursionError", e.Kind);
    }

    [Fact]
    public void Recursion_deeper_than_the_stack_allows_is_a_recursion_error_not_a_crash()
    {
        var env = new JinjaEnvironment(new JinjaOptions { MaxRecursionDepth = int.MaxValue });
        var t = env.FromString("{% macro m(n) %}{% if n > 0 %}{% for i in [1] %}{{ m(n - 1)|trim }}{% endfor %}{% endif %}{% endmacro %}{{ m(100000) }}");
        TemplateError? error = null;
        var thread = new Thread(() => error = Assert.Throws<TemplateError>(() => t.Render(Empty)), 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.Equal("RecursionError", error?.Kind);
    }

    [Fact]
    public void Absurdly_deep_nesting_is_a_syntax_error_not_a_crash()
    {
        var source = string.Concat(Enumerable.Repeat("{% if true %}", 20000)) + string.Concat(Enumerable.Repeat("{% endif %}", 20000));
        var expression = "{{ " + new string('(', 20000) + "1" + new string(')', 20000) + " }}";
        var errors = new List<TemplateError?>();
        var thread = new Thread(() =>
        {
            errors.Add(Record(() => new JinjaEnvironment().FromString(source)));
            errors.Add(Record(() => new JinjaEnvironment().FromString(expression)));
        }, 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.All(errors, e => Assert.Equal("TemplateSyntaxError", e?.Kind));
    }

    private static TemplateError? Record(Action action)
    {
        try { action(); }
        catch (TemplateError e) { return e; }
        return null;
    }

    [Fact]
    public void Too_many_loop_iterations_stop_the_render()
    {
        var env = new JinjaEnvironment(new JinjaOptions { MaxLoopIterations = 1000 });
        Assert.Equal(1000, env.FromString("{% for i in range(1000) %}x{% endfor %}").Render(Empty).Length);
        var e = Assert.Throws<TemplateError>(() => env.FromString("{% for i in range(10) %}{% for j in range(101) %}{% endfor %}{% endfor %}").Render(Empty));
        Assert.Equal("LimitExceeded", e.Kind);
    }

    [Fact]
    public void Too_long_output_stops_the_render()
    {
        var env = new JinjaEnvironment(new JinjaOptions { MaxOutputLength = 100 });
        var e = Assert.Throws<TemplateError>(() => env.FromString("{% for i in range(200) %}x{% endfor %}").Render(Empty));
        Assert.Equal("LimitExceeded", e.Kind);
    }

    [Fact]
    public void Message_names_file_line_and_column_and_points_at_the_column()
    {
        var e = Assert.Throws<TemplateError>(() => new JinjaEnvironment().FromString("select 1\n{{ foo(}}", "models/x.sql"));
        Assert.Equal(("models/x.sql", 2, 8), (e.TemplateName, e.Line, e.Column));
        Assert.Equal("models/x.sql:2:8: TemplateSyntaxError: unexpected '}', expected ')'\n  {{ foo(}}\n         ^", e.Message);
    }

    [Fact]
    public void Runtime_errors_carry_the_line_of_the_failing_statement_inside_macros()
    {
        var source = "{% macro m(x) %}\n  {{ x.a.b }}\n{% endmacro %}\n{{ m({}) }}";
        var e = Assert.Throws<TemplateError>(() => new JinjaEnvironment().FromString(source, "m.sql").Render(Empty));
        Assert.Equal(("UndefinedError", 2, "'dict object' has no attribute 'a'"), (e.Kind, e.Line, e.Description));
    }

    [Theory]
    [InlineData("{% break %}", "'break' outside loop")]
    [InlineData("{% for i in [1] %}{% macro m() %}{% break %}{% endmacro %}{% endfor %}", "'break' outside loop")]
    [InlineData("{% for i in [1] %}{% call m() %}{% continue %}{% endcall %}{% endfor %}", "'continue' not properly in loop")]
    [InlineData("{% for i in [1] %}{% else %}\n{% break %}{% endfor %}", "'break' outside loop")]
    [InlineData("{% macro m(a) %}{% endmacro %}{{ m(a=1, a=2) }}", "keyword argument repeated: a")]
    [InlineData("{% macro m(a, a) %}{% endmacro %}", "duplicate argument 'a' in function definition")]
    public void Python_syntax_errors_of_the_generated_code_fail_to_compile_as_in_Jinja2(string source, string description)
    {
        // Jinja2 raises Python's SyntaxError (its message also names a line of generated code, which we leave out).
        var e = Assert.Throws<TemplateError>(() => new JinjaEnvironment().FromString(source));
        Assert.Equal(("SyntaxError", description), (e.Kind, e.Description));
        Assert.Equal(source.Contains('\n') ? 2 : 1, e.Line);
    }

    [Fact]
    public void Loop_controls_inside_with_and_nested_loops_are_fine()
    {
        var t = new JinjaEnvironment().FromString(
            "{% for i in [1, 2] %}{% with %}{% if i == 2 %}{% break %}{% endif %}{% endwith %}{% for j in [1] %}{% break %}{% endfor %}{{ i }}{% endfor %}");
        Assert.Equal("1", t.Render(Empty));
    }

    [Fact]
    public void Templates_reach_no_clr_members()
    {
        var ctx = new Dictionary<string, object?> { ["s"] = "abc", ["o"] = new object() };
        var t = new JinjaEnvironment().FromString("{{ s.Length is undefined }} {{ o.GetType is undefined }} {{ s.__class__ is undefined }}");
        Assert.Equal("True True True", t.Render(ctx));
    }
}
