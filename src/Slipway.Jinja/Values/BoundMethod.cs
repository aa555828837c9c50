namespace Slipway.Jinja.Values;

/// <summary>A method of a Python value bound to it (<c>'abc'.upper</c>, <c>list.append</c>), callable from templates.</summary>
internal sealed class BoundMethod(string ownerType, string name, Func<Arguments, object?> body) : IJinjaCallable, IPyObject
{
    public string Name { get; } = name;
    public object? Call(Arguments arguments) => body(arguments);
    public string PyTypeName => "builtin_function_or_method";
    // Python adds the object's address, which no template can depend on.
    public string PyRepr() => $"<built-in method {Name} of {ownerType} object>";
    public override string ToString() => PyRepr();
}
