namespace Slipway.Jinja.Tests.Runtime;

/// <summary>Templates whose expected output and errors were produced by Python's Jinja2 (see gen/cases.py).</summary>
public class Jinja2CaseTests
{
    private static JinjaEnvironment NewEnvironment() =>
        new(new JinjaOptions { Loader = new DictLoader(new Dictionary<string, string>(Jinja2Cases.Templates)) });

    [Theory]
    [MemberData(nameof(Jinja2Cases.Renders), MemberType = typeof(Jinja2Cases))]
    public void Renders_like_Jinja2(string source, string expected)
    {
        Assert.Equal(expected, NewEnvironment().FromString(source).Render(new Dictionary<string, object?>()));
    }

    [Theory]
    [MemberData(nameof(Jinja2Cases.Errors), MemberType = typeof(Jinja2Cases))]
    public void Fails_like_Jinja2(string source, string kind, int line, string description)
    {
        var error = Assert.Throws<TemplateError>(() => NewEnvironment().FromString(source, "t.sql").Render(new Dictionary<string, object?>()));
        Assert.Equal((kind, line, description), (error.Kind, error.Line, error.Description));
    }
}

public class Jinja2OptionCaseTests
{
    [Theory]
    [MemberData(nameof(Jinja2Cases.WithOptions), MemberType = typeof(Jinja2Cases))]
    public void Renders_like_Jinja2_with_options(bool trim, bool lstrip, bool keepNewline, string undefined, string source, string expected)
    {
        var env = new JinjaEnvironment(new JinjaOptions
        {
            TrimBlocks = trim,
            LStripBlocks = lstrip,
            KeepTrailingNewline = keepNewline,
            Undefined = undefined switch { "strict" => UndefinedBehavior.Strict, "chainable" => UndefinedBehavior.Chainable, _ => UndefinedBehavior.Default },
        });
        string actual;
        try { actual = env.FromString(source).Render(new Dictionary<string, object?>()); }
        catch (TemplateError e) { actual = e.Kind + ": " + e.Description; }
        Assert.Equal(expected, actual);
    }
}
