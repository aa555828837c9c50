namespace Slipway.Jinja.Tests.Runtime;

/// <summary>Runtime errors in every statement and expression position report Jinja2's line (gen/error_lines.py).</summary>
public class ErrorLineTests
{
    [Fact]
    public void Errors_report_the_line_Jinja2_reports()
    {
        var env = new JinjaEnvironment();
        var failures = new List<string>();
        foreach (var (source, kind, line, description) in ErrorLineCases.All)
        {
            try
            {
                env.FromString(source).Render(new Dictionary<string, object?>());
                failures.Add($"{source}\n  no error");
            }
            catch (TemplateError e) when ((e.Kind, e.Line, e.Description) != (kind, line, description))
            {
                failures.Add($"{source}\n  got {e.Kind} {e.Line} {e.Description}\n  expected {kind} {line} {description}");
            }
            catch (TemplateError)
            {
            }
        }
        Assert.Empty(failures);
    }
}
