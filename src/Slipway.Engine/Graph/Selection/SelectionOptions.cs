namespace Slipway.Engine.Graph.Selection;

/// <summary>What a command adds to a selection: which resource types it runs, state, empty nodes.</summary>
public sealed record SelectionOptions
{
    /// <summary>Resource types the command acts on (dbt's ResourceTypeSelector); null keeps every type.</summary>
    public IReadOnlySet<string>? ResourceTypes { get; init; }

    /// <summary>Keep nodes whose code is blank (compile and list do; run does not).</summary>
    public bool IncludeEmptyNodes { get; init; }

    /// <summary>Artifacts from --state, for the state:, result: and source_status: methods.</summary>
    public PreviousState? PreviousState { get; init; }
}
