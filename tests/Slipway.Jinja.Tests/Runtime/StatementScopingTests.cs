namespace Slipway.Jinja.Tests.Runtime;

/// <summary>Jinja2's scoping rules on 300 generated programs (gen/statements.py).</summary>
public class StatementScopingTests
{
    [Fact]
    public void Generated_programs_render_as_with_Jinja2()
    {
        var env = new JinjaEnvironment();
        var failures = new List<string>();
        foreach (var (source, expected) in StatementCases.All)
        {
            string actual;
            try { actual = env.FromString(source).Render(new Dictionary<string, object?>()); }
            catch (TemplateError e) { actual = "!" + e.Kind + ": " + e.Description; }
            if (actual != expected) failures.Add($"{source}\n  got      {actual}\n  expected {expected}");
        }
        Assert.Empty(failures);
    }
}
