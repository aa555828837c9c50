using Slipway.Jinja.Syntax.Ast;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Runtime;

/// <summary>
/// A macro defined by a template. Callable from templates and from the host; free names in its body
/// resolve when it is called, through the frame it was defined in (closure) and that run's variables.
/// </summary>
public sealed class Macro : IJinjaCallable, IJinjaObject
{
    internal Macro(MacroDef definition, Frame closure, JinjaEnvironment environment)
    {
        Definition = definition;
        Closure = closure;
        Environment = environment;
    }

    internal MacroDef Definition { get; }
    internal Frame Closure { get; }
    internal JinjaEnvironment Environment { get; }

    public string Name => Definition.Name;
    public IReadOnlyList<string> ArgumentNames => Definition.Parameters;
    /// <summary>The template that defines the macro.</summary>
    public string? TemplateName => Closure.Template.Name;

    /// <summary>
    /// The same top-level macro with its free names resolved against <paramref name="context"/> instead (the
    /// module's own macros and variables still come first): lets a host give each render its own variables
    /// (e.g. dbt's per-node <c>this</c>/<c>model</c>) without re-running the module, and from several threads.
    /// </summary>
    public Macro Rebind(IDictionary<string, object?> context)
    {
        if (!Closure.IsRoot)
            throw new InvalidOperationException($"macro '{Name}' is not defined at the top level of its template, so it cannot be rebound");
        var ctx = new TemplateContext(Closure.Template, context, null);
        var root = new Frame(null, ctx, Closure.Template, isRoot: true) { Vars = Closure.Vars };
        return new Macro(Definition, root, Environment);
    }

    /// <summary>Calls the macro: its rendered text, or the value given to dbt's <c>return()</c>.</summary>
    public object? Call(Arguments arguments) => Interpreter.ForCall(Environment).InvokeMacro(this, arguments);

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "name" => Definition.IsCaller ? null : Definition.Name,
            "arguments" => new PyTuple(Definition.Parameters.Cast<object?>().ToArray()),
            "catch_kwargs" => Definition.CatchKwargs,
            "catch_varargs" => Definition.CatchVarargs,
            "caller" => Definition.Caller,
            _ => Missing,
        };
        if (ReferenceEquals(value, Missing))
        {
            value = null;
            return false;
        }
        return true;
    }

    private static readonly object Missing = new();

    // A call block's caller is anonymous in Jinja2 (its name is None).
    public override string ToString() => Definition.IsCaller ? "<Macro anonymous>" : $"<Macro '{Name}'>";
}
