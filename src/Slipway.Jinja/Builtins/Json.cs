using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

/// <summary>The tojson filter: Python's json.dumps(sort_keys=True) plus Jinja2's HTML-safe escapes.</summary>
internal static class Json
{
    public static string HtmlSafe(string json) =>
        json.Replace("<", "\\u003c").Replace(">", "\\u003e").Replace("&", "\\u0026").Replace("'", "\\u0027");

    public static string Dumps(object? value, object? indent)
    {
        string? indentText = indent switch
        {
            null => null,
            string s => s,
            Markup m => m.Value,
            _ => new string(' ', (int)Math.Max(0, Py.IntArg(indent))),
        };
        return PythonJson.Dumps(value, sortKeys: true, indentText, strict: true);
    }
}
