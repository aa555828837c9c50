using System.Security.Cryptography;
using System.Text;

namespace Slipway.Engine.Parsing.PartialParsing;

/// <summary>
/// The contents of <c>target/partial_parse.bin</c>: what the parse depended on (a key over engine build, target,
/// --vars and projects; the environment variables it read; every input file's hash) and what it produced (the
/// manifest plus the few parse-time facts the manifest does not keep). The header is read first so a stale cache
/// costs no manifest decoding.
/// </summary>
internal sealed class PartialParseCache
{
    private const string Magic = "slipway-partial-parse";
    private const int FormatVersion = 2;

    public required string Key { get; init; }
    /// <summary>Names this cache's parse (manifest.json written from it records the id: <see cref="ManifestReuse"/>).</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("N");
    /// <summary>Environment variable name → sha256 of the value read (null: was unset). Values are never stored.</summary>
    public required Dictionary<string, string?> EnvironmentReads { get; init; }
    public required List<InputFile> Files { get; init; }
    /// <summary>When <see cref="Files"/> were stat'ed (UTC ticks): a file modified close to it may have changed unseen.</summary>
    public required long ScannedAtTicks { get; init; }
    /// <summary>Unique ids of nodes whose SQL took the static path (compilation substitutes relations directly).</summary>
    public HashSet<string> StaticNodes { get; init; } = new(StringComparer.Ordinal);
    /// <summary>The <c>config:</c> a properties file gave each node, needed to re-parse that node alone.</summary>
    public Dictionary<string, OrderedDictionary<string, object?>> PatchConfigs { get; init; } = new(StringComparer.Ordinal);
    public List<string> Warnings { get; init; } = [];
    public List<(string Package, string File, string Text)> MacroFiles { get; init; } = [];
    public Manifest.Manifest? Manifest { get; set; }
    /// <summary>The size of the file the header was read from (0 for a cache made in memory).</summary>
    public long FileLength { get; private init; }

    private CacheReader? _bodyReader;

    /// <summary>The engine build: a cache written by another build is never trusted (the parser may have changed).</summary>
    public static string EngineId { get; } = typeof(PartialParseCache).Assembly.ManifestModule.ModuleVersionId.ToString();

    public static string HashValue(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>Reads the header of <paramref name="path"/>; null when absent, from another build, or unreadable.</summary>
    public static PartialParseCache? ReadHeader(string path)
    {
        if (!File.Exists(path)) return null;
        try
        {
            var bytes = File.ReadAllBytes(path);
            var r = new CacheReader(new MemoryStream(bytes, writable: false));
            if (r.Str() != Magic || r.Int() != FormatVersion || r.Str() != EngineId) return null;
            var key = r.Req();
            var id = r.Req();
            var scannedAt = r.Long();
            var env = new Dictionary<string, string?>(StringComparer.Ordinal);
            for (int i = 0, n = r.Count(); i < n; i++) env[r.Req()] = r.Str();
            var files = new List<InputFile>();
            for (int i = 0, n = r.Count(); i < n; i++)
                files.Add(new InputFile(r.Req(), r.Long(), r.Long()) { Hash = r.Bytes() });
            return new PartialParseCache { Key = key, Id = id, ScannedAtTicks = scannedAt, EnvironmentReads = env, Files = files, _bodyReader = r, FileLength = bytes.Length };
        }
        catch (Exception e) when (e is IOException or InvalidDataException or EndOfStreamException or UnauthorizedAccessException
                                      or FormatException or ArgumentException or OverflowException)
        {
            return null;
        }
    }

    /// <summary>Decodes the rest (the manifest and parse facts); false when the file is damaged.</summary>
    public bool ReadBody()
    {
        if (_bodyReader is not { } r) return Manifest is not null;
        try
        {
            for (int i = 0, n = r.Count(); i < n; i++) StaticNodes.Add(r.Req());
            for (int i = 0, n = r.Count(); i < n; i++) PatchConfigs[r.Req()] = r.Dict();
            for (int i = 0, n = r.Count(); i < n; i++) Warnings.Add(r.Req());
            for (int i = 0, n = r.Count(); i < n; i++) MacroFiles.Add((r.Req(), r.Req(), r.Req()));
            Manifest = ManifestCodec.Read(r);
            return true;
        }
        catch (Exception e) when (PartialParser.Unwrap(e) is IOException or InvalidDataException or EndOfStreamException or InvalidCastException
                                      or FormatException or ArgumentException or OverflowException or NullReferenceException
                                      or IndexOutOfRangeException)
        {
            return false;
        }
        finally { _bodyReader = null; }
    }

    /// <summary>Writes the cache atomically (a temporary file renamed over the old one), so a reader never sees half of it.</summary>
    public void Write(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = path + "." + Environment.ProcessId + ".tmp";
        try
        {
            using (var file = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
            {
                var w = new CacheWriter(file);
                w.Str(Magic);
                w.Int(FormatVersion);
                w.Str(EngineId);
                w.Str(Key);
                w.Str(Id);
                w.Long(ScannedAtTicks);
                w.Int(EnvironmentReads.Count);
                foreach (var (k, v) in EnvironmentReads) { w.Str(k); w.Str(v); }
                w.Int(Files.Count);
                foreach (var f in Files) { w.Str(f.AbsolutePath); w.Long(f.Size); w.Long(f.ModifiedTicks); w.Bytes(f.ComputeHash()); }
                w.Int(StaticNodes.Count);
                foreach (var id in StaticNodes) w.Str(id);
                w.Int(PatchConfigs.Count);
                foreach (var (id, config) in PatchConfigs) { w.Str(id); w.Dict(config); }
                w.Int(Warnings.Count);
                foreach (var warning in Warnings) w.Str(warning);
                w.Int(MacroFiles.Count);
                foreach (var (package, macroFile, text) in MacroFiles) { w.Str(package); w.Str(macroFile); w.Str(text); }
                ManifestCodec.Write(w, Manifest!);
                w.Flush();
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}
