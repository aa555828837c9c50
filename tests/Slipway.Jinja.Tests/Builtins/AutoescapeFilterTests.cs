using Slipway.Jinja.Builtins;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Builtins;

/// <summary>
/// The filters whose result depends on autoescaping (join, replace, xmlattr, urlize), called directly with
/// autoescape on. Expected values: python3, SandboxedEnvironment(autoescape=True), e.g.
/// <c>{{ ["&lt;a&gt;", "&lt;b&gt;"|safe]|join(", ") }}</c> renders <c>&amp;lt;a&amp;gt;, &lt;b&gt;</c>.
/// </summary>
public sealed class AutoescapeFilterTests
{
    /// <summary>A render context for filters that only need lookups and the autoescape flag.</summary>
    private sealed class AutoescapingContext(JinjaEnvironment environment) : IRenderContext
    {
        public JinjaEnvironment Environment { get; } = environment;
        public bool Autoescape => true;
        public Undefined MakeUndefined(string? name, string? hint = null) => new(name, hint);
        public object? CallFilter(string name, object? value, Arguments arguments) => Environment.Filters[name](this, value, arguments);
        public bool CallTest(string name, object? value, Arguments arguments) => Environment.Tests[name](this, value, arguments);
        public object? GetAttribute(object? value, string name) => GetItem(value, name);
        public object? GetItem(object? value, object? key) => Py.TryGetItem(value, key, out var v) ? v : MakeUndefined(key?.ToString());
    }

    private static readonly JinjaEnvironment Environment = new();

    private static string Apply(string filter, object? value, params object?[] args)
    {
        var result = Environment.Filters[filter](new AutoescapingContext(Environment), value, new Arguments(args));
        // What autoescaped output prints: Markup as is, anything else escaped.
        return Py.EscapeText(result);
    }

    [Fact]
    public void JoinEscapesPlainItemsOnlyWhenMarkupIsInvolved()
    {
        Assert.Equal("&lt;a&gt;, <b>", Apply("join", new List<object?> { "<a>", new Markup("<b>") }, ", "));
        Assert.Equal("&lt;a&gt;, b", Apply("join", new List<object?> { "<a>", "b" }, ", "));
        Assert.Equal("&lt;a&gt;<br>b", Apply("join", new List<object?> { "<a>", "b" }, new Markup("<br>")));
    }

    [Fact]
    public void ReplaceEscapesTheTextThenTheReplacement()
    {
        Assert.Equal("a&lt;b", Apply("replace", "a<b", "<", new Markup("<br>")));
        Assert.Equal("a&amp;b", Apply("replace", "a<b", "<", "&"));
    }

    [Fact]
    public void XmlattrAndUrlizeAreMarkup()
    {
        Assert.Equal(" a=\"&lt;x&gt;\"", Apply("xmlattr", new PyDict { ["a"] = "<x>" }));
        Assert.Equal("see &lt;<a href=\"http://x.org\" rel=\"noopener\">http://x.org</a>&gt;", Apply("urlize", "see <http://x.org>"));
    }
}
