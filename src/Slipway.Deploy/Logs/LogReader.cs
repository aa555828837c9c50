using System.Text;

namespace Slipway.Deploy.Logs;

/// <summary>Reads pages of a step's log file by line number, or its last lines, without loading the whole file.</summary>
internal static class LogReader
{
    public sealed record Page(int Offset, IReadOnlyList<string> Lines, bool More);

    public static Page Read(string path, int offset, int limit)
    {
        if (!File.Exists(path)) return new Page(offset, [], false);
        using var reader = new StreamReader(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete), Encoding.UTF8);
        var number = 0;
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (number++ < offset) continue;
            if (lines.Count == limit) return new Page(offset, lines, true);
            lines.Add(line);
        }
        return new Page(offset, lines, false);
    }

    /// <summary>The last <paramref name="count"/> lines, read backwards in blocks from the end, and the line number of the first.</summary>
    public static Page Tail(string path, int count)
    {
        if (!File.Exists(path)) return new Page(0, [], false);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var length = stream.Length;
        var position = length;
        var newlines = 0;
        var buffer = new byte[8192];
        long start = 0;
        // Each line ends with '\n'; the one at the very end does not start a line.
        while (position > 0 && start == 0)
        {
            var size = (int)Math.Min(buffer.Length, position);
            position -= size;
            stream.Position = position;
            stream.ReadExactly(buffer, 0, size);
            for (var i = size - 1; i >= 0; i--)
            {
                if (buffer[i] != '\n' || position + i == length - 1) continue;
                if (++newlines == count) { start = position + i + 1; break; }
            }
        }
        stream.Position = start;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line) lines.Add(line);
        var total = CountLines(path);
        return new Page(Math.Max(0, total - lines.Count), lines, false);
    }

    private static int CountLines(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        var buffer = new byte[65536];
        var count = 0;
        int read;
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) count += buffer.AsSpan(0, read).Count((byte)'\n');
        return count;
    }
}
