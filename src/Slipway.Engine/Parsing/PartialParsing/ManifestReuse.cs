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
        try
        {
            var prefix = ManifestWriter.MetadataPrefix(manifest.Metadata);
            if (ReadStampHeader(manifestPath, cacheId) is { } header && header.BodyOffset == prefix.Length)
            {
                // The usual case (same-length timestamps and ids): only the header is overwritten, in place. One write
                // of a few hundred bytes at the start of the file: a reader sees the old header or the new one. The
                // node ranges do not move, so the stamp keeps its 23,000 node lines as text and only its header
                // (the file's new write time) changes: parsing and re-printing them cost ~0.1 s of a 10k warm start.
                if (header.SelectorsHash != SelectorsHash(manifest)) return false;
                using (var target = new FileStream(manifestPath, FileMode.Open, FileAccess.Write, FileShare.Read, 1))
                {
                    if (target.Length != header.Length) return false;
                    target.Write(prefix);
                }
                var file = new FileInfo(manifestPath);
                File.WriteAllText(header.StampPath, string.Concat(
                    $"{cacheId}\n{file.Length.ToString(CultureInfo.InvariantCulture)}\n{file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)}\n",
                    $"{header.BodyOffset.ToString(CultureInfo.InvariantCulture)}\n{header.SelectorsHash}\n", header.NodeLines), new System.Text.UTF8Encoding(false));
                return true;
            }
            // A header of another length: the body moves, so it is copied behind the new header into a new file.
            if (ReadStamp(manifestPath, cacheId) is not { } stamp || stamp.SelectorsHash != SelectorsHash(manifest)) return false;
            {
                var temp = manifestPath + "." + Environment.ProcessId + ".tmp";
                using (var source = new FileStream(manifestPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
                using (var target = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    if (source.Length != stamp.Length) return false;
                    target.Write(prefix);
                    source.Position = stamp.BodyOffset;
                    source.CopyTo(target, 1 << 20);
                }
                File.Move(temp, manifestPath, overwrite: true);
            }
            var shift = prefix.Length - stamp.BodyOffset;
            Record(manifestPath, cacheId, prefix.Length, manifest, stamp.Nodes.Select(r => r with { Offset = r.Offset + shift }).ToList());
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// After a partial parse: writes <paramref name="manifestPath"/> copying the JSON of every node not in
    /// <paramref name="reparsed"/> from the previous file, when that file holds parse <paramref name="previousId"/>
    /// (the one the partial parse started from, whose untouched nodes are the same). False: write it in full.
    /// </summary>
    public static bool TryPatch(string manifestPath, string? previousId, string? cacheId, Manifest.Manifest manifest, IReadOnlySet<string> reparsed)
    {
        if (previousId is null || cacheId is null) return false;
        var temp = manifestPath + "." + Environment.ProcessId + ".tmp";
        try
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            if (ReadStamp(manifestPath, previousId) is not { Nodes.Count: > 0 } stamp) return false;
            PartialParser.Trace("read manifest stamp", clock);
            // The stamp lists the nodes in the previous file's order: consecutive indexes lie side by side there.
            var old = new Dictionary<string, int>(stamp.Nodes.Count, StringComparer.Ordinal);
            for (var i = 0; i < stamp.Nodes.Count; i++) old[stamp.Nodes[i].UniqueId] = i;
            var ranges = new List<ManifestWriter.NodeRange>(manifest.Nodes.Count);
            long bodyOffset;
            using (var source = File.OpenHandle(manifestPath))
            {
                if (RandomAccess.GetLength(source) != stamp.Length) return false;
                (ManifestWriter.NodeRange, int)? Find(string id) =>
                    !reparsed.Contains(id) && old.TryGetValue(id, out var i) ? (stamp.Nodes[i], i) : null;
                void Read(long offset, Span<byte> into)
                {
                    for (var read = 0; read < into.Length;)
                    {
                        var n = RandomAccess.Read(source, into[read..], offset + read);
                        if (n <= 0) throw new IOException("manifest.json ended early");
                        read += n;
                    }
                }
                ManifestWriter.Write(manifest, temp, out bodyOffset, new ManifestWriter.NodeReuse(Find, Read), ranges);
            }
            PartialParser.Trace("write patched manifest", clock);
            File.Move(temp, manifestPath, overwrite: true);
            Record(manifestPath, cacheId, bodyOffset, manifest, ranges);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temp); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
            return false;
        }
    }

    private sealed record Stamp(long Length, long BodyOffset, string SelectorsHash, List<ManifestWriter.NodeRange> Nodes);

    /// <summary>The stamp of <paramref name="manifestPath"/> when it holds parse <paramref name="cacheId"/> and nothing else wrote it since.</summary>
    private sealed record StampHeader(string StampPath, long Length, long BodyOffset, string SelectorsHash, string NodeLines);

    /// <summary>The stamp's five header lines checked against the file as <see cref="ReadStamp"/> does; node lines kept as text.</summary>
    private static StampHeader? ReadStampHeader(string manifestPath, string cacheId)
    {
        var stampPath = Path.Combine(Path.GetDirectoryName(manifestPath)!, StampFile);
        if (!File.Exists(stampPath)) return null;
        var text = File.ReadAllText(stampPath);
        var lines = new string[5];
        var at = 0;
        for (var i = 0; i < 5; i++)
        {
            var end = text.IndexOf('\n', at);
            if (end < 0) return null;
            lines[i] = text[at..end];
            at = end + 1;
        }
        var file = new FileInfo(manifestPath);
        if (lines[0] != cacheId || !file.Exists
            || lines[1] != file.Length.ToString(CultureInfo.InvariantCulture)
            || lines[2] != file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)
            || !long.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var bodyOffset) || bodyOffset <= 0 || bodyOffset >= file.Length)
            return null;
        return new StampHeader(stampPath, file.Length, bodyOffset, lines[4], text[at..]);
    }

    private static Stamp? ReadStamp(string manifestPath, string cacheId)
    {
        var stampPath = Path.Combine(Path.GetDirectoryName(manifestPath)!, StampFile);
        if (!File.Exists(stampPath)) return null;
        var lines = File.ReadAllLines(stampPath);
        var file = new FileInfo(manifestPath);
        if (lines.Length < 5 || lines[0] != cacheId || !file.Exists
            || lines[1] != file.Length.ToString(CultureInfo.InvariantCulture)
            || lines[2] != file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)
            || !long.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var bodyOffset) || bodyOffset <= 0 || bodyOffset >= file.Length)
            return null;
        var nodes = new List<ManifestWriter.NodeRange>(lines.Length - 5);
        for (var i = 5; i < lines.Length; i++)
        {
            var parts = lines[i].Split('\t');
            if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
                || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var length)
                || offset < bodyOffset || length <= 0 || offset + length > file.Length)
                return null;
            nodes.Add(new ManifestWriter.NodeRange(parts[0], offset, length));
        }
        return new Stamp(file.Length, bodyOffset, lines[4], nodes);
    }

    /// <summary>
    /// Notes that <paramref name="manifestPath"/> was just written from parse <paramref name="cacheId"/> (null: from
    /// something else), with where each node's JSON lies (<paramref name="nodes"/>) for a later partial parse to copy.
    /// </summary>
    public static void Record(string manifestPath, string? cacheId, long bodyOffset, Manifest.Manifest manifest, List<ManifestWriter.NodeRange>? nodes = null)
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
            using var w = new StreamWriter(stampPath, append: false, new System.Text.UTF8Encoding(false), 1 << 16);
            w.Write($"{cacheId}\n{file.Length.ToString(CultureInfo.InvariantCulture)}\n{file.LastWriteTimeUtc.Ticks.ToString(CultureInfo.InvariantCulture)}\n");
            w.Write($"{bodyOffset.ToString(CultureInfo.InvariantCulture)}\n{SelectorsHash(manifest)}\n");
            // Unique ids hold no tab or newline (dbt names are identifiers; a path with one only loses the shortcut).
            if (nodes is not null && nodes.All(r => !r.UniqueId.Contains('\t') && !r.UniqueId.Contains('\n') && !r.UniqueId.Contains('\r')))
                foreach (var r in nodes) w.Write($"{r.UniqueId}\t{r.Offset.ToString(CultureInfo.InvariantCulture)}\t{r.Length.ToString(CultureInfo.InvariantCulture)}\n");
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
