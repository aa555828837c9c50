namespace Slipway.Jinja.Values;

/// <summary>The object <c>namespace(...)</c> returns; <c>{% set ns.x = 1 %}</c> writes into <see cref="Attributes"/>.</summary>
public sealed class Namespace : IJinjaObject
{
    public Dictionary<string, object?> Attributes { get; } = new(StringComparer.Ordinal);
    public bool TryGetAttribute(string name, out object? value) => Attributes.TryGetValue(name, out value);
}
