using Slipway.Jinja;

namespace Slipway.Engine.Contexts;

/// <summary>A package's macros as an object (<c>dbt_utils.star(...)</c>, <c>dbt.current_timestamp()</c>).</summary>
internal sealed class PackageNamespace(string name) : IJinjaObject
{
    public string Name { get; } = name;
    public Dictionary<string, object?> Macros { get; } = new(StringComparer.Ordinal);

    public bool TryGetAttribute(string attribute, out object? value) => Macros.TryGetValue(attribute, out value);

    public override string ToString() => $"<namespace {Name}>";
}
