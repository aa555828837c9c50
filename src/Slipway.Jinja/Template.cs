using Slipway.Jinja.Runtime;
using Slipway.Jinja.Syntax;
using Slipway.Jinja.Syntax.Ast;

namespace Slipway.Jinja;

/// <summary>A compiled template: immutable, safe to render from several threads.</summary>
public sealed class Template
{
    internal Template(JinjaEnvironment environment, string source, string? name, SourceText text, TemplateNode root)
    {
        Environment = environment;
        Source = source;
        Name = name;
        Text = text;
        Root = root;
    }

    public JinjaEnvironment Environment { get; }
    public string Source { get; }
    public string? Name { get; }
    internal SourceText Text { get; }
    internal TemplateNode Root { get; }

    /// <summary>Renders with <paramref name="context"/> as the template's variables (read by reference, never written).</summary>
    public string Render(IDictionary<string, object?>? context = null) =>
        new Interpreter(Environment).Render(this, context);

    /// <summary>
    /// Like Jinja2's NativeEnvironment: a single <c>{{ expr }}</c> gives its value unconverted; otherwise the
    /// output, read as a Python literal when it is one ("5" → 5, "[1, 'a']" → list), else the string.
    /// </summary>
    public object? RenderNative(IDictionary<string, object?>? context = null) =>
        new Interpreter(Environment).RenderNative(this, context);

    /// <summary>
    /// Runs the template as a module. Names free in its macros resolve at call time against
    /// <paramref name="context"/> by reference, so a host can gather the macros of many files into one
    /// shared dictionary and have them call each other.
    /// </summary>
    public TemplateModule MakeModule(IDictionary<string, object?>? context = null) =>
        new Interpreter(Environment).MakeModule(this, context ?? new Dictionary<string, object?>());
}
