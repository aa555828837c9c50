using System.Text;

namespace Slipway.Engine.Execution;

/// <summary>
/// Writes the per-node files under <c>target/</c> (compiled and run SQL). A scheduled run mostly rewrites files with
/// the text they already hold; truncating and rewriting them cost a filesystem round trip each (and a discard on
/// SSD-backed ext4), two per node, so an unchanged file is left as it is.
/// </summary>
internal static class TargetFiles
{
    /// <summary>Writes through <paramref name="writer"/> (a run's file thread) when there is one, else at once.</summary>
    public static void Write(TargetFileWriter? writer, string path, string text, bool folderReady = false)
    {
        if (writer is not null) writer.Write(path, text, folderReady);
        else Write(path, text, folderReady);
    }

    public static void Write(string path, string text, bool folderReady = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var existing = new FileInfo(path);
        if (existing.Exists)
        {
            if (existing.Length == bytes.Length && Same(path, bytes)) return;
        }
        else if (!folderReady) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    private static bool Same(string path, byte[] bytes)
    {
        try
        {
            return File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
