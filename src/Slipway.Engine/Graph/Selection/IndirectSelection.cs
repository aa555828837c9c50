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

internal static class IndirectSelectionNames
{
    public static IndirectSelection Parse(string value) => value.ToLowerInvariant() switch
    {
        "eager" => IndirectSelection.Eager,
        "cautious" => IndirectSelection.Cautious,
        "buildable" => IndirectSelection.Buildable,
        "empty" => IndirectSelection.Empty,
        _ => throw new SelectorException($"'{value}' is not a valid indirect selection mode; expected eager, cautious, buildable or empty."),
    };
}
