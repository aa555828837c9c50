namespace Slipway.Jinja;

/// <summary>
/// A host object that supports Python's subscript <c>obj[key]</c> (e.g. a result table's <c>columns['name']</c>
/// or <c>rows[0]</c>). Return false for a missing key: the template then sees an undefined, as Jinja2 does.
/// Implement <see cref="IEnumerable{T}"/> and <see cref="IReadOnlyCollection{T}"/> too for iteration and len().
/// </summary>
public interface IJinjaIndexable
{
    bool TryGetItem(object? key, out object? value);
}
