using Slipway.Jinja.Runtime;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Runtime;

/// <summary>The API the dbt engine uses: modules, shared macro namespace, return(), native rendering, host values.</summary>
public class HostApiTests
{
    private static Dictionary<string, object?> Ctx(params (string, object?)[] items) =>
        items.ToDictionary(i => i.Item1, i => i.Item2);

    [Fact]
    public void MakeModule_exposes_macros_exported_variables_and_body()
    {
        var env = new JinjaEnvironment();
        var module = env.FromString("{% macro a(x) %}A{{ x }}{% endmacro %}{% set v = 3 %}{% set _hidden = 1 %}body", "m.sql").MakeModule(Ctx());
        Assert.Equal(["a"], module.Macros.Keys);
        Assert.Equal(3L, module.Variables["v"]);
        Assert.False(module.Variables.ContainsKey("_hidden"));
        Assert.Equal("body", module.Body);
        Assert.Equal("A7", module.Macros["a"].Call(new Arguments([7L])));
    }

    [Fact]
    public void Macros_of_several_modules_call_each_other_through_the_shared_dictionary()
    {
        var env = new JinjaEnvironment();
        var shared = new Dictionary<string, object?>();
        var first = env.FromString("{% macro outer() %}<{{ inner() }}>{% endmacro %}", "a.sql").MakeModule(shared);
        // The second file is loaded after the first module was made: lookups happen at call time.
        var second = env.FromString("{% macro inner() %}in{{ suffix }}{% endmacro %}", "b.sql").MakeModule(shared);
        shared["outer"] = first.Macros["outer"];
        shared["inner"] = second.Macros["inner"];
        shared["suffix"] = "!";
        Assert.Equal("<in!>", env.FromString("{{ outer() }}").Render(shared));
    }

    [Fact]
    public void Rebound_macros_read_another_context_and_keep_their_module()
    {
        var env = new JinjaEnvironment();
        var module = env.FromString("{% macro helper() %}h{% endmacro %}{% macro m() %}{{ helper() }}-{{ node }}{% endmacro %}").MakeModule(Ctx(("node", "first")));
        var m = module.Macros["m"];
        Assert.Equal("h-first", m.Call(Arguments.Empty));
        Assert.Equal("h-second", m.Rebind(Ctx(("node", "second"))).Call(Arguments.Empty));
        Assert.Equal("h-first", m.Call(Arguments.Empty));
    }

    [Fact]
    public void Return_exception_from_a_host_function_becomes_the_macro_value()
    {
        var env = new JinjaEnvironment();
        var ctx = Ctx(("return", new JinjaFunction("return", a => throw new JinjaReturnException(a.Positional[0]))));
        var result = env.FromString("{% macro m() %}ignored{{ return([1, 2]) }}{% endmacro %}{% set r = m() %}{{ r[1] }}|{{ r is string }}").Render(ctx);
        Assert.Equal("2|False", result);
        var module = env.FromString("{% macro m() %}{% do return({'k': 'v'}) %}{% endmacro %}").MakeModule(ctx);
        var value = module.Macros["m"].Call(Arguments.Empty);
        Assert.Equal("v", ((PyDict)value!)["k"]);
    }

    [Fact]
    public void Return_inside_a_call_block_ends_the_macro_that_called_caller()
    {
        var env = new JinjaEnvironment();
        var ctx = Ctx(("return", new JinjaFunction("return", a => throw new JinjaReturnException(a.Positional[0]))));
        var source = "{% macro statement() %}before{{ caller() }}after{% endmacro %}" +
                     "{% macro outer() %}{% call statement() %}{{ return('from body') }}{% endcall %}tail{% endmacro %}[{{ outer() }}]";
        Assert.Equal("[from bodytail]", env.FromString(source).Render(ctx));
    }

    [Fact]
    public void Return_without_exception_ends_the_macro_as_dbt_return_does()
    {
        var env = new JinjaEnvironment();
        var log = new List<object?>();
        var ctx = Ctx(("return", new JinjaFunction("return", a => JinjaReturnException.Return(a.Positional[0]))),
            ("log", new JinjaFunction("log", a => { log.Add(a.Positional[0]); return ""; })));
        // As the exception does: the value as is, the rest of the body skipped, loops left.
        var result = env.FromString("{% macro m() %}ignored{{ return([1, 2]) }}{% do log('after') %}{% endmacro %}{% set r = m() %}{{ r[1] }}|{{ r is string }}").Render(ctx);
        Assert.Equal("2|False", result);
        var loop = "{% macro m() %}{% for i in [1, 2, 3] %}{% for j in [1] %}{% do log(i) %}{% if i == 2 %}{% do return(i * 10) %}{% endif %}{% endfor %}{% endfor %}{% do log('end') %}{% endmacro %}[{{ m() }}]";
        Assert.Equal("[20]", env.FromString(loop).Render(ctx));
        Assert.Equal(new object?[] { 1L, 2L }, log);
        // return() in a call block body ends the macro that called caller(); the macro around the call block goes on.
        var source = "{% macro statement() %}before{{ caller() }}after{% endmacro %}" +
                     "{% macro outer() %}{% call statement() %}{{ return('from body') }}{% endcall %}tail{% endmacro %}[{{ outer() }}]";
        Assert.Equal("[from bodytail]", env.FromString(source).Render(ctx));
        // Macros called after a return in other statements of a macro run normally and return their own values.
        var nested = "{% macro inner(x) %}{{ return(x + 1) }}{% endmacro %}{% macro m() %}{% set a = inner(1) %}{{ return(inner(a)) }}{% endmacro %}[{{ m() }}]";
        Assert.Equal("[3]", env.FromString(nested).Render(ctx));
        // Outside any macro there is nothing to end: the host gets the exception, as before.
        var top = Assert.Throws<JinjaReturnException>(() => env.FromString("a{{ return(7) }}b").Render(ctx));
        Assert.Equal(7L, top.Value);
        var module = env.FromString("{% macro m() %}{% do return({'k': 'v'}) %}{% endmacro %}").MakeModule(ctx);
        Assert.Equal("v", ((PyDict)module.Macros["m"].Call(Arguments.Empty)!)["k"]);
    }

    [Theory]
    [InlineData("{{ 5 }}", 5L)]
    [InlineData("{{ \"5\" }}", 5L)]
    [InlineData("5", 5L)]
    [InlineData("True", true)]
    [InlineData("a{{ 1 }}", "a1")]
    [InlineData("{{ 1 }}{{ 2 }}", 12L)]
    [InlineData("", null)]
    [InlineData("  5", "  5")]
    [InlineData("None", null)]
    [InlineData("1.5", 1.5)]
    [InlineData("abc", "abc")]
    [InlineData("-3", -3L)]
    [InlineData("{{ none }}", null)]
    public void RenderNative_matches_Jinja2_NativeEnvironment(string source, object? expected)
    {
        Assert.Equal(expected, new JinjaEnvironment().FromString(source).RenderNative(Ctx()));
    }

    [Fact]
    public void RenderNative_returns_collections_unconverted()
    {
        var env = new JinjaEnvironment();
        var list = new List<object?> { 1L, "a" };
        Assert.Same(list, env.FromString("{{ x }}").RenderNative(Ctx(("x", list))));
        var parsed = Assert.IsType<List<object?>>(env.FromString("[1, 'a']").RenderNative(Ctx()));
        Assert.Equal([1L, "a"], parsed);
        var tuple = Assert.IsType<PyTuple>(env.FromString("(1, 2)").RenderNative(Ctx()));
        Assert.Equal(2, tuple.Count);
        var dict = Assert.IsType<PyDict>(env.FromString("{\"a\": 1}").RenderNative(Ctx()));
        Assert.Equal(1L, dict["a"]);
    }

    private sealed class Target : IJinjaObject
    {
        public bool TryGetAttribute(string name, out object? value)
        {
            value = name switch { "schema" => "analytics", "threads" => 4, _ => null };
            return name is "schema" or "threads";
        }
    }

    [Fact]
    public void Host_objects_functions_and_clr_numbers_are_usable()
    {
        var env = new JinjaEnvironment();
        var ctx = Ctx(("target", new Target()), ("n", 3), ("f", new JinjaFunction("f", a => (long)a.Get(0, "x")! * 2 + (a.Keyword.TryGetValue("y", out var y) ? (long)y! : 0))));
        Assert.Equal("analytics 5 6 16 True",
            env.FromString("{{ target.schema }} {{ target.threads + 1 }} {{ n * 2 }} {{ f(5, y=6) }} {{ target.missing is undefined }}").Render(ctx));
    }

    [Fact]
    public void Host_lists_of_clr_ints_behave_as_python_ints_in_loops_and_unpacking()
    {
        var ctx = Ctx(("xs", new List<object?> { 1, 2, 3 }), ("pairs", new List<object?> { new List<object?> { 1, (short)2 } }));
        var t = new JinjaEnvironment().FromString("{% for x in xs %}{{ x * 2 }}{{ loop.nextitem is number }}{% endfor %}{% for a, b in pairs %}{{ a + b }}{% endfor %}");
        Assert.Equal("2True4True6False3", t.Render(ctx));
    }

    [Fact]
    public void Compiled_templates_are_cached_by_name_and_source()
    {
        var env = new JinjaEnvironment();
        Assert.Same(env.FromString("{{ 1 }}", "a"), env.FromString("{{ 1 }}", "a"));
        Assert.NotSame(env.FromString("{{ 1 }}", "a"), env.FromString("{{ 2 }}", "a"));
        Assert.NotSame(env.FromString("{{ 1 }}", "a"), env.FromString("{{ 1 }}", "b"));
    }

    [Fact]
    public void Templates_render_concurrently()
    {
        var env = new JinjaEnvironment();
        var t = env.FromString("{% macro m(x) %}{% for i in range(x) %}{{ i }}{% endfor %}{% endmacro %}{{ m(n) }}");
        var results = new string[64];
        Parallel.For(0, results.Length, i => results[i] = t.Render(Ctx(("n", (long)(i % 8)))));
        for (var i = 0; i < results.Length; i++)
            Assert.Equal(string.Concat(Enumerable.Range(0, i % 8)), results[i]);
    }

    [Fact]
    public void GetTemplate_uses_the_loader_and_reports_missing_templates()
    {
        var env = new JinjaEnvironment(new JinjaOptions { Loader = new DictLoader(new Dictionary<string, string> { ["a.sql"] = "A{{ 1 }}" }) });
        Assert.Equal("A1", env.GetTemplate("a.sql").Render());
        var e = Assert.Throws<TemplateError>(() => env.GetTemplate("b.sql"));
        Assert.Equal("TemplateNotFound", e.Kind);
    }

    [Fact]
    public void FileSystemLoader_reads_templates_below_its_folder_only()
    {
        var dir = Directory.CreateTempSubdirectory("slipway-jinja-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "macros"));
            File.WriteAllText(Path.Combine(dir.FullName, "macros", "m.sql"), "{% macro m() %}M{% endmacro %}");
            var env = new JinjaEnvironment(new JinjaOptions { Loader = new FileSystemLoader(dir.FullName) });
            Assert.Equal("M", env.FromString("{% from 'macros/m.sql' import m %}{{ m() }}").Render());
            Assert.Null(new FileSystemLoader(Path.Combine(dir.FullName, "macros")).GetSource("../macros/m.sql"));
        }
        finally { dir.Delete(recursive: true); }
    }
}
