namespace Slipway.Jinja;

/// <summary>
/// A syntax or runtime error in a template, located once: template name, 1-based line and column.
/// <see cref="Exception.Message"/> is the full user-facing text (location, description, the source line and a caret);
/// <see cref="Description"/> is the message alone in Jinja2's words; <see cref="Kind"/> is the Python
/// exception class Jinja2 raises (TemplateSyntaxError, UndefinedError, TypeError, …).
/// SKELETON: the Runtime author completes the formatting.
/// </summary>
public sealed class TemplateError : Exception
{
    public TemplateError(string kind, string description, string? templateName, int line, int column, string? sourceLine = null, Exception? inner = null)
        : base(Format(kind, description, templateName, line, column, sourceLine), inner)
    {
        Kind = kind;
        Description = description;
        TemplateName = templateName;
        Line = line;
        Column = column;
    }

    public string Kind { get; }
    public string Description { get; }
    public string? TemplateName { get; }
    public int Line { get; }
    public int Column { get; }

    private static string Format(string kind, string description, string? name, int line, int column, string? sourceLine)
    {
        var where = $"{name ?? "<template>"}:{line}:{column}";
        if (sourceLine is null) return $"{kind}: {description} ({where})";
        return $"{kind}: {description} ({where})\n  {sourceLine}\n  {new string(' ', Math.Max(0, column - 1))}^";
    }
}
