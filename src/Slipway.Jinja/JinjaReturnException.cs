namespace Slipway.Jinja;

/// <summary>
/// Thrown by a host function (dbt's <c>return()</c>) to end the macro being called: the macro call
/// then evaluates to <see cref="Value"/> as is, instead of the macro's rendered text.
/// </summary>
public sealed class JinjaReturnException(object? value) : Exception("return() outside of a macro")
{
    public object? Value { get; } = value;

    /// <summary>
    /// dbt's <c>return(value)</c> for host functions: inside a macro being rendered on this thread it only marks the
    /// macro as returning (the interpreter stops running statements and the macro call evaluates to
    /// <paramref name="value"/>), because an exception per call costs more than a whole small macro; outside any
    /// macro it throws this exception, for the host that rendered the template to catch.
    /// </summary>
    public static object? Return(object? value)
    {
        if (Runtime.Interpreter.TryRequestReturn(value)) return null;
        throw new JinjaReturnException(value);
    }
}
