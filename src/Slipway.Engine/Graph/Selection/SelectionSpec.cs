namespace Slipway.Engine.Graph.Selection;

/// <summary>A parsed selection: one criterion or a set operation over others, as dbt's selector_spec.</summary>
public abstract record SelectionSpec
{
    /// <summary>The text (or yml definition) the spec came from, for messages.</summary>
    public string Raw { get; init; } = "";

    public IndirectSelection IndirectSelection { get; init; } = IndirectSelection.Eager;
}

/// <summary>One selector atom: <c>@2+method.arg:value+3</c>.</summary>
public sealed record SelectionCriteria : SelectionSpec
{
    public required string Method { get; init; }

    public IReadOnlyList<string> MethodArguments { get; init; } = [];

    public required string Value { get; init; }

    /// <summary>"@": the selected members' children and all their ancestors.</summary>
    public bool ChildrensParents { get; init; }

    public bool Parents { get; init; }

    public int? ParentsDepth { get; init; }

    public bool Children { get; init; }

    public int? ChildrenDepth { get; init; }
}

/// <summary>A group of specs combined by a set operation.</summary>
public abstract record SelectionGroup : SelectionSpec
{
    public required IReadOnlyList<SelectionSpec> Components { get; init; }

    /// <summary>Warn when the group selects nothing (true for what the user typed, false for defaults).</summary>
    public bool ExpectExists { get; init; }
}

public sealed record SelectionUnion : SelectionGroup;

public sealed record SelectionIntersection : SelectionGroup;

/// <summary>The first component minus all the others.</summary>
public sealed record SelectionDifference : SelectionGroup;
