using System.Text;

namespace Slipway.Jinja;

/// <summary>
/// A syntax or runtime error in a template, located once: template name, 1-based line and column.
/// <see cref="Exception.Message"/> is the full user-facing text (location, kind, description, then the
/// source line with a caret under the column); <see cref="Description"/> is the message alone in Jinja2's
/// words; <see cref="Kind"/> is the Python exception class Jinja2 raises (TemplateSyntaxError, UndefinedError, TypeError, …).
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
        SourceLine = sourceLine;
    }

    public string Kind { get; }
    public string Description { get; }
    public string? TemplateName { get; }
    public int Line { get; }
    public int Column { get; }
    /// <summary>The text of the offending line, when known.</summary>
    public string? SourceLine { get; }

    private static string Format(string kind, string description, string? name, int line, int column, string? sourceLine)
    {
        var sb = new StringBuilder();
        sb.Append(name ?? "<template>").Append(':').Append(line).Append(':').Append(column).Append(": ")
          .Append(kind).Append(": ").Append(description);
        if (string.IsNullOrEmpty(sourceLine)) return sb.ToString();
        sb.Append("\n  ").Append(sourceLine).Append("\n  ");
        // Keep tabs so the caret lines up under the column however the line is displayed.
        for (var i = 0; i < column - 1 && i < sourceLine.Length; i++) sb.Append(sourceLine[i] == '\t' ? '\t' : ' ');
        sb.Append('^');
        return sb.ToString();
    }
}
