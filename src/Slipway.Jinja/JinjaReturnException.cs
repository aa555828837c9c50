namespace Slipway.Jinja;

/// <summary>
/// Thrown by a host function (dbt's <c>return()</c>) to end the macro being called: the macro call
/// then evaluates to <see cref="Value"/> as is, instead of the macro's rendered text.
/// </summary>
public sealed class JinjaReturnException(object? value) : Exception("return() outside of a macro")
{
    public object? Value { get; } = value;
}
