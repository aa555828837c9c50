using Slipway.Jinja;
using Slipway.Jinja.Builtins;

namespace Slipway.Engine.Project;

/// <summary>
/// Renders the Jinja inside YAML values the way dbt's native environment does: a string without Jinja markers is
/// returned unchanged (no render at all, the common case), otherwise the output is read back as a Python literal so
/// <c>"{{ 5 }}"</c> becomes 5 and <c>"{{ var('on') | as_bool }}"</c> a bool. Dicts and lists are rendered item by item.
/// </summary>
/// <remarks>
/// Until Slipway.Jinja's <c>Template.RenderNative</c> lands on this branch the literal read-back is done here on the
/// text output; dbt's own version differs only for a template that outputs a quoted number (<c>{{ '5' }}</c>).
/// </remarks>
public static class NativeRenderer
{
    private static readonly Lazy<JinjaEnvironment> Environment = new(CreateEnvironment);

    /// <summary>True when <paramref name="text"/> contains Jinja and must be rendered.</summary>
    public static bool HasJinja(string text) =>
        text.Contains("{{", StringComparison.Ordinal) || text.Contains("{%", StringComparison.Ordinal)
        || text.Contains("{#", StringComparison.Ordinal);

    /// <summary>Renders every string inside <paramref name="value"/>; <paramref name="where"/> names the value in errors.</summary>
    public static object? Render(object? value, IConfigRenderContext context, string where) => value switch
    {
        string s when HasJinja(s) => RenderString(s, context, where),
        IDictionary<string, object?> d => RenderDict(d, context, where),
        IList<object?> l => l.Select((item, i) => Render(item, context, $"{where}[{i}]")).ToList(),
        _ => value,
    };

    private static OrderedDictionary<string, object?> RenderDict(IDictionary<string, object?> d, IConfigRenderContext context, string where)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in d) result[k] = Render(v, context, $"{where}.{k}");
        return result;
    }

    private static object? RenderString(string source, IConfigRenderContext context, string where)
    {
        string text;
        try
        {
            text = Environment.Value.FromString(source, where).Render(context.ToJinjaGlobals());
        }
        catch (ProjectException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ProjectException($"Could not render {where} ('{source}'): {e.Message}");
        }
        return PythonLiteral.TryParse(text, out var literal) ? literal : text;
    }

    private static JinjaEnvironment CreateEnvironment()
    {
        var env = new JinjaEnvironment();
        // In text output these are identity functions (dbt's text mode); the literal read-back above gives the types.
        Filter identity = (_, value, _) => value;
        foreach (var name in new[] { "as_text", "as_bool", "as_native", "as_number" }) env.Filters[name] = identity;
        env.Filters["is_list"] = (_, value, _) => value is IList<object?>;
        return env;
    }
}
