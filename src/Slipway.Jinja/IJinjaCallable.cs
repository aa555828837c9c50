namespace Slipway.Jinja;

/// <summary>Anything a template can call: host functions, macros, bound methods of values.</summary>
public interface IJinjaCallable
{
    object? Call(Arguments arguments);
}

/// <summary>A host function exposed to templates (e.g. dbt's <c>ref</c>, <c>var</c>, <c>env_var</c>).</summary>
public sealed class JinjaFunction(string name, Func<Arguments, object?> body) : IJinjaCallable
{
    public string Name { get; } = name;
    public object? Call(Arguments arguments) => body(arguments);
    public override string ToString() => $"<function {Name}>";
}
