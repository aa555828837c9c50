namespace Slipway.Engine.Project;

/// <summary>
/// One definition from selectors.yml, as data: the graph layer (src/Slipway.Engine/Graph) evaluates it against the
/// manifest. The shapes follow dbt's YAML selector grammar:
/// <list type="bullet">
/// <item><see cref="SelectorText"/> — a CLI-style string (<c>"tag:nightly state:modified+"</c>), parsed with the
/// same grammar as <c>--select</c> (spaces are unions, commas intersections).</item>
/// <item><see cref="SelectorMethod"/> — <c>{method, value, children, parents, …, exclude}</c>, also written in the
/// short form <c>{tag: nightly}</c>; <c>method: selector</c> refers to another selector by name.</item>
/// <item><see cref="SelectorUnion"/> / <see cref="SelectorIntersection"/> — <c>{union: […]}</c> / <c>{intersection: […]}</c>;
/// an item <c>{exclude: […]}</c> in either list is a <see cref="SelectorExclude"/>: the union of its items is subtracted
/// from the result of the enclosing list.</item>
/// </list>
/// </summary>
public abstract record SelectorDefinition;

/// <summary>A CLI-style selection string.</summary>
public sealed record SelectorText(string Text) : SelectorDefinition;

/// <summary>
/// One method atom. <see cref="Method"/> may carry dotted arguments (<c>config.materialized</c>). Depths are null
/// when not limited. <see cref="Exclude"/> is subtracted from what this atom selects.
/// </summary>
public sealed record SelectorMethod(
    string Method,
    string Value,
    bool Parents = false,
    bool Children = false,
    int? ParentsDepth = null,
    int? ChildrenDepth = null,
    bool ChildrensParents = false,
    string? IndirectSelection = null,
    SelectorDefinition? Exclude = null) : SelectorDefinition;

public sealed record SelectorUnion(IReadOnlyList<SelectorDefinition> Items) : SelectorDefinition;

public sealed record SelectorIntersection(IReadOnlyList<SelectorDefinition> Items) : SelectorDefinition;

/// <summary>Only valid as an item of a union or intersection: removes the union of <see cref="Items"/>.</summary>
public sealed record SelectorExclude(IReadOnlyList<SelectorDefinition> Items) : SelectorDefinition;

/// <summary>One named selector of selectors.yml.</summary>
public sealed record SelectorEntry(string Name, string? Description, bool IsDefault, SelectorDefinition Definition);
