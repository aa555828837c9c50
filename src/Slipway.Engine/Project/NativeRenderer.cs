using System.Text.RegularExpressions;
using Slipway.Jinja;
using Slipway.Jinja.Builtins;
using Slipway.Jinja.Values;

namespace Slipway.Engine.Project;

/// <summary>
/// Renders the Jinja inside YAML values the way dbt's native rendering does (dbt-common's quoted_native_concat):
/// <list type="bullet">
/// <item>a string without Jinja markers is returned unchanged, without rendering (the common case);</item>
/// <item>everything else renders to a string (<c>"{{ 1 }}"</c> is <c>"1"</c>, <c>"{{ true }}"</c> is <c>"True"</c>)
/// unless the whole value is one <c>{{ expr }}</c> ending in <c>as_native</c>, <c>as_number</c> or <c>as_bool</c>:
/// then the text is read back as a Python literal (<c>"{{ env_var('PORT') | as_number }}"</c> is 5432), and
/// <c>as_number</c>/<c>as_bool</c> fail when it is not a number/bool. <c>as_text</c> keeps the text.</item>
/// </list>
/// Dicts and lists are rendered item by item. Expected values are dbt's own rendering table.
/// </summary>
public static partial class NativeRenderer
{
    private static readonly Lazy<JinjaEnvironment> SingleExpressionEnvironment = new(() => CreateEnvironment(markers: true));
    private static readonly Lazy<JinjaEnvironment> TextEnvironment = new(() => CreateEnvironment(markers: false));

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

    /// <summary>
    /// dbt's text rendering (<c>get_rendered(…, native=False)</c>), used for var values that hold Jinja: the output
    /// string, with the native filters doing nothing.
    /// </summary>
    public static string RenderText(string source, IConfigRenderContext context, string where)
    {
        if (!HasJinja(source)) return source;
        try
        {
            return TextEnvironment.Value.FromString(source, where).Render(context.ToJinjaGlobals());
        }
        catch (Exception e) when (e is TemplateError or JinjaRuntimeException)
        {
            throw new ProjectException($"Could not render {where} ('{source}'): {e.Message}");
        }
    }

    private static OrderedDictionary<string, object?> RenderDict(IDictionary<string, object?> d, IConfigRenderContext context, string where)
    {
        var result = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in d) result[k] = Render(v, context, $"{where}.{k}");
        return result;
    }

    private static object? RenderString(string source, IConfigRenderContext context, string where)
    {
        try
        {
            var single = SingleExpression().Match(source);
            if (single.Success)
            {
                // The box keeps the value away from Jinja2-native's literal read-back: dbt reads back only marked values.
                var boxed = SingleExpressionEnvironment.Value
                    .FromString($"{{{{ ({single.Groups["expr"].Value}) | __slipway_box }}}}", where)
                    .RenderNative(context.ToJinjaGlobals());
                return Unbox(boxed is Box b ? b.Value : boxed, where);
            }
            return TextEnvironment.Value.FromString(source, where).Render(context.ToJinjaGlobals());
        }
        catch (ProjectException)
        {
            throw;
        }
        catch (Exception e) when (e is TemplateError or JinjaRuntimeException)
        {
            throw new ProjectException($"Could not render {where} ('{source}'): {e.Message}");
        }
    }

    private static object? Unbox(object? value, string where)
    {
        switch (value)
        {
            case TextMarker t:
                return t.Text;
            case NativeMarker m:
                var parsed = PythonLiteral.TryParse(m.Text, out var literal);
                return m.Kind switch
                {
                    "as_bool" when parsed && literal is bool => literal,
                    "as_number" when parsed && literal is long or double => literal,
                    "as_native" => parsed ? literal : m.Text,
                    _ => throw new ProjectException(
                        $"Could not render {where}: could not convert value '{m.Text}' into type '{(m.Kind == "as_bool" ? "bool" : "number")}'"),
                };
            default:
                return Py.ToStr(value);
        }
    }

    private static JinjaEnvironment CreateEnvironment(bool markers)
    {
        var env = new JinjaEnvironment();
        if (markers)
        {
            env.Filters["as_text"] = (_, value, _) => new TextMarker(MarkerText(value));
            foreach (var kind in new[] { "as_bool", "as_number", "as_native" })
                env.Filters[kind] = (_, value, _) => new NativeMarker(MarkerText(value), kind);
            env.Filters["__slipway_box"] = (_, value, _) => new Box(value);
        }
        else
        {
            // In text output dbt's native filters change nothing.
            Filter identity = (_, value, _) => value;
            foreach (var name in new[] { "as_text", "as_bool", "as_native", "as_number" }) env.Filters[name] = identity;
        }
        env.Filters["is_list"] = (_, value, _) => value is IList<object?>;
        return env;
    }

    // dbt's markers are str subclasses: chaining them works on their text.
    private static string MarkerText(object? value) => value switch
    {
        NativeMarker n => n.Text,
        TextMarker t => t.Text,
        _ => Py.ToStr(value),
    };

    // One `{{ … }}` and nothing else (whitespace control allowed); no other block starts inside.
    [GeneratedRegex(@"^\{\{-?(?<expr>(?:(?!\{\{|\}\}|\{%|\{#).)*?)-?\}\}$", RegexOptions.Singleline)]
    private static partial Regex SingleExpression();

    private sealed record Box(object? Value);

    private sealed record NativeMarker(string Text, string Kind);

    private sealed record TextMarker(string Text);
}
