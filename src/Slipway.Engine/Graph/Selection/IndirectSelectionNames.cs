namespace Slipway.Engine.Graph.Selection;

/// <summary>The spellings of <see cref="IndirectSelection"/> on the command line and in selectors.yml.</summary>
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
