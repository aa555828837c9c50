using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Slipway.Engine.Artifacts;

namespace Slipway.Engine.Parsing.PartialParsing;

/// <summary>
/// When a warm start reuses the cached parse unchanged, manifest.json differs from the last one written only in its
/// metadata: this rewrites that header and copies the rest of the file, instead of serialising 10k nodes again.
/// <c>target/partial_parse.manifest</c> says which parse (the cache's id) the current manifest.json holds, its size
/// and time (any other writer changes them) and where its metadata ends; anything unexpected means a normal write.
/// </summary>
internal static class ManifestReuse
{
    public const string StampFile = "partial_parse.manifest";

    /// <summary>Writes <paramref name="manifestPath"/> from the previous file when it holds parse <paramref name="cacheId"/>; false otherwise.</summary>
    public static bool TryRewrite(string manifestPath, string? cacheId, Manifest.Manifest manifest)
    {
        if (cacheId is null) return false;
        var stampPath = Path.Combine(Path.GetDirectoryName(manifestPath)!, StampFile);
        try
        {
            if (!File.Exists(stampPath)) return false;
            var stamp = File.ReadAllLines(stampPath);
            var file = new FileInfo(manifestPath);
            if (stamp.Length != 5 || stamp[0] != cacheId || !file.Exists
                || stamp[1] != file.Length.ToString(CultureInfo.InvariantCulture)
                || stamp[2] != file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)
                || stamp[4] != SelectorsHash(manifest)
                || !long.TryParse(stamp[3], NumberStyles.None, CultureInfo.InvariantCulture, out var bodyOffset) || bodyOffset <= 0 || bodyOffset >= file.Length)
                return false;
            var prefix = ManifestWriter.MetadataPrefix(manifest.Metadata);
            var temp = manifestPath + "." + Environment.ProcessId + ".tmp";
            using (var source = new FileStream(manifestPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
            using (var target = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                if (source.Length != file.Length) return false;
                target.Write(prefix);
                source.Position = bodyOffset;
                source.CopyTo(target, 1 << 20);
            }
            File.Move(temp, manifestPath, overwrite: true);
            Record(manifestPath, cacheId, prefix.Length, manifest);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Notes that <paramref name="manifestPath"/> was just written from parse <paramref name="cacheId"/> (null: from something else).</summary>
    public static void Record(string manifestPath, string? cacheId, long bodyOffset, Manifest.Manifest manifest)
    {
        var stampPath = Path.Combine(Path.GetDirectoryName(manifestPath)!, StampFile);
        try
        {
            if (cacheId is null || bodyOffset <= 0)
            {
                File.Delete(stampPath);
                return;
            }
            var file = new FileInfo(manifestPath);
            File.WriteAllLines(stampPath,
            [
                cacheId, file.Length.ToString(CultureInfo.InvariantCulture), file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture),
                bodyOffset.ToString(CultureInfo.InvariantCulture), SelectorsHash(manifest),
            ]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Without a stamp the next start writes manifest.json in full: slower, never wrong.
        }
    }

    /// <summary>selectors.yml is read by every command, not by the parse: its part of manifest.json must match too.</summary>
    private static string SelectorsHash(Manifest.Manifest manifest)
    {
        var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream)) JsonData.Write(w, manifest.Selectors);
        return Convert.ToHexStringLower(SHA256.HashData(stream.ToArray()));
    }
}
