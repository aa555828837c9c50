namespace Slipway.Engine.Graph.Selection;

/// <summary>A selector the user wrote that cannot be parsed or evaluated; the CLI exits with code 2.</summary>
public sealed class SelectorException(string message) : Exception(message);
