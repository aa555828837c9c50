namespace Slipway.Jinja;

/// <summary>
/// A host object with attributes (e.g. dbt's <c>target</c>, <c>adapter</c>, a Relation). Templates reach
/// only what <see cref="TryGetAttribute"/> returns: there is no reflection into .NET, by design (sandbox).
/// Methods are attributes whose value is an <see cref="IJinjaCallable"/>.
/// </summary>
public interface IJinjaObject
{
    bool TryGetAttribute(string name, out object? value);
}
