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

    /// <summary>Calls the macro: its rendered text, or the value given to dbt's <c>return()</c>.</summary>
    public object? Call(Arguments arguments) => Interpreter.ForCall(Environment).InvokeMacro(this, arguments);

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "name" => Definition.Name,
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

    public override string ToString() => $"<Macro '{Name}'>";
}
