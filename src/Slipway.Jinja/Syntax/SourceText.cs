namespace Slipway.Jinja.Syntax;

/// <summary>
/// Template source as Jinja2 sees it: newlines (\r\n, \r, \n) made \n, and the one trailing newline
/// dropped unless keep_trailing_newline. Maps offsets to 1-based line and column.
/// </summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string source, bool keepTrailingNewline)
    {
        Text = Normalize(source, keepTrailingNewline);
        var starts = new List<int> { 0 };
        for (var i = 0; i < Text.Length; i++)
            if (Text[i] == '\n') starts.Add(i + 1);
        _lineStarts = starts.ToArray();
    }

    public string Text { get; }

    private static string Normalize(string source, bool keepTrailingNewline)
    {
        if (source.IndexOf('\r') >= 0) source = source.Replace("\r\n", "\n").Replace('\r', '\n');
        if (!keepTrailingNewline && source.Length > 0 && source[^1] == '\n') source = source[..^1];
        return source;
    }

    public (int Line, int Column) Position(int offset)
    {
        var idx = Array.BinarySearch(_lineStarts, offset);
        if (idx < 0) idx = ~idx - 1;
        return (idx + 1, offset - _lineStarts[idx] + 1);
    }

    /// <summary>The text of a 1-based line, without its newline ("" when out of range).</summary>
    public string LineText(int line)
    {
        if (line < 1 || line > _lineStarts.Length) return "";
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] - 1 : Text.Length;
        return Text[start..end];
    }
}
