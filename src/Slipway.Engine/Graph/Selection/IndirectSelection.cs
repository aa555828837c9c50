namespace Slipway.Engine.Graph.Selection;

/// <summary>
/// --indirect-selection: whether tests whose parents were selected come along.
/// Eager: any selected parent; Cautious: all parents selected; Buildable: all parents selected or ancestors of
/// the selection; Empty: none.
/// </summary>
public enum IndirectSelection
{
    Eager,
    Cautious,
    Buildable,
    Empty,
}
