namespace Slipway.Engine.Parsing;

/// <summary>A problem in a project file the user can fix: names the file, line and column.</summary>
public sealed class ParseException(string file, int line, int column, string message)
    : Exception($"{file}:{line}:{column}: {message}")
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public int Column { get; } = column;
    /// <summary>The sentence without the location prefix.</summary>
    public string Reason { get; } = message;
}

/// <summary>A problem found after parsing (unknown ref, cycle, duplicate name) that belongs to a node rather than a position.</summary>
public sealed class ManifestException(string message) : Exception(message);
