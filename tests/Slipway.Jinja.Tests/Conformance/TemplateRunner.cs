namespace Slipway.Jinja.Tests.Conformance;

/// <summary>
/// Renders one case through the public API exactly as a host would: a fresh environment, extra templates in a
/// dict loader, <c>FromString(source, name)</c>, <c>Render(context)</c>. Errors that are not a
/// <see cref="TemplateError"/> are engine bugs and come back with a kind starting with '!'.
/// </summary>
internal static class TemplateRunner
{
    public const string MainName = "x.sql";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static RenderOutcome Render(string source, IDictionary<string, object?> context, IReadOnlyDictionary<string, string> templates)
    {
        // A runaway loop in the engine must fail one case, not hang the whole suite.
        var task = Task.Run(() => RenderNow(source, context, templates));
        return task.Wait(Timeout) ? task.Result : RenderOutcome.Error("!Timeout", 0, $"rendering took more than {Timeout.TotalSeconds} s");
    }

    private static RenderOutcome RenderNow(string source, IDictionary<string, object?> context, IReadOnlyDictionary<string, string> templates)
    {
        try
        {
            var options = new JinjaOptions();
            if (templates.Count > 0) options.Loader = new DictLoader(new Dictionary<string, string>(templates, StringComparer.Ordinal));
            var environment = new JinjaEnvironment(options);
            return RenderOutcome.Ok(environment.FromString(source, name: MainName).Render(context));
        }
        catch (TemplateError error)
        {
            return RenderOutcome.Error(error.Kind, error.Line, error.Description);
        }
        catch (Exception e)
        {
            return RenderOutcome.Error("!" + e.GetType().Name, 0, e.Message);
        }
    }
}
