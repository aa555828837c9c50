namespace Slipway.Engine.Graph.Selection;

/// <summary>The members a selection chose, plus dbt's warnings for criteria that matched nothing.</summary>
public sealed record SelectionResult(IReadOnlySet<string> Selected, IReadOnlyList<string> Warnings);
