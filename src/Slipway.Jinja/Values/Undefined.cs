namespace Slipway.Jinja.Values;

/// <summary>
/// Jinja2's default <c>Undefined</c>: prints empty, iterates empty, is falsy, and fails on attribute access.
/// <see cref="IsStrict"/> makes every use fail, like <c>StrictUndefined</c>.
/// </summary>
public class Undefined
{
    public Undefined(string? name, string? hint = null, bool isStrict = false)
    {
        Name = name;
        Hint = hint;
        IsStrict = isStrict;
    }

    /// <summary>The name that was looked up (<c>'foo' is undefined</c>).</summary>
    public string? Name { get; }
    /// <summary>A full message to use instead of the default one (e.g. "'dict object' has no attribute 'x'").</summary>
    public string? Hint { get; }
    public bool IsStrict { get; }

    /// <summary>The message Jinja2 raises with when this undefined is used in a way that fails.</summary>
    /// <remarks>Jinja2 formats the name with repr(): <c>None is undefined</c>, <c>"it's" is undefined</c>.</remarks>
    public string Message => Hint ?? (Name is null ? "None is undefined" : $"{Py.StringRepr(Name)} is undefined");

    /// <summary>Raise Jinja2's UndefinedError for this value.</summary>
    public JinjaRuntimeException Fail() => new(Message, "UndefinedError");
}
