using System.Diagnostics;
using Slipway.Engine.Project;

namespace Slipway.Engine.Parsing.PartialParsing;

/// <summary>
/// dbt's partial parsing with Slipway's cache file (<c>target/partial_parse.bin</c>): reuse the last parse when
/// nothing it depended on changed, re-parse only changed model/analysis/singular-test files when that is all that
/// changed, and otherwise parse everything. A missing, damaged or foreign cache is a full parse, never an error.
/// </summary>
internal static class PartialParser
{
    public const string FileName = "partial_parse.bin";

    private static readonly long RacyWindow = TimeSpan.FromSeconds(2).Ticks;

    /// <summary>How the last <see cref="Load"/> went: "full", "unchanged" or "partial" (for tests and the debug log).</summary>
    public enum Outcome { Full, Unchanged, Partial }

    public static (ParseResult Result, Outcome Outcome) Load(ParseRequest request, string targetPath, bool enabled)
    {
        var (result, outcome, _) = Load(request, targetPath, enabled, writeInBackground: false);
        return (result, outcome);
    }

    /// <summary>
    /// Parses (or restores) the project. With <paramref name="writeInBackground"/> the cache is written on another
    /// thread while the caller goes on, for commands that only read the manifest: they must wait for the returned
    /// task before exiting, and must not change the manifest meanwhile.
    /// </summary>
    /// <remarks>
    /// Restoring the cache runs without garbage collections (<see cref="CollectionPause"/>); with
    /// <paramref name="writeInBackground"/> the pause lasts until the caller's <see cref="CollectionPause.End"/>
    /// (so the manifest.json write that follows runs without them too), otherwise it ends here.
    /// </remarks>
    public static (ParseResult Result, Outcome Outcome, Task PendingWrite) Load(ParseRequest request, string targetPath, bool enabled, bool writeInBackground)
    {
        try
        {
            var loaded = LoadWithCache(request, targetPath, enabled, writeInBackground);
            if (!writeInBackground) CollectionPause.End();
            return loaded;
        }
        catch
        {
            CollectionPause.EndForGarbage();
            throw;
        }
    }

    private static (ParseResult Result, Outcome Outcome, Task PendingWrite) LoadWithCache(ParseRequest request, string targetPath, bool enabled, bool writeInBackground)
    {
        var writes = new PendingWrites(writeInBackground);
        if (!enabled) return (ManifestLoader.Load(request), Outcome.Full, Task.CompletedTask);
        var path = Path.Combine(targetPath, FileName);
        var clock = Stopwatch.StartNew();
        Trace("start", clock);
        var projects = new List<DbtProject> { request.Root };
        projects.AddRange(request.Packages.Where(p => p.Name != request.Root.Name));
        var key = Key(request, projects);
        var cache = PartialParseCache.ReadHeader(path);
        if (cache is not null && (cache.Key != key || !SameEnvironment(cache, request.Environment))) cache = null;
        if (cache is not null) CollectionPause.Begin(cache.FileLength);
        // The body (the manifest) is decoded while the files are stat'ed and compared: a warm start needs both.
        var body = cache is null ? Task.FromResult(false) : Task.Run(cache.ReadBody);
        var scannedAt = DateTime.UtcNow.Ticks;
        var current = InputFile.Scan(projects);
        Trace("scan", clock);

        if (cache is not null)
        {
            var changed = Changed(cache.Files, current, cache.ScannedAtTicks, out var restamped);
            Trace("compare", clock);
            if (body.GetAwaiter().GetResult())
            {
                Trace("decode", clock);
                if (changed.Count == 0)
                {
                    var restored = ManifestLoader.Restore(request, cache);
                    restored.Loader.CacheId = cache.Id;
                    // Touched but identical files: remember their new stamps so the next start need not hash them again.
                    if (restamped) TryWrite(writes, path, key, scannedAt, request, cache.EnvironmentReads, current, restored.Loader, cache.Id);
                    return (restored, Outcome.Unchanged, writes.Task);
                }
                if (ManifestLoader.Update(request, cache, changed) is { } updated)
                {
                    Trace("update", clock);
                    TryWrite(writes, path, key, scannedAt, request, cache.EnvironmentReads, current, updated.Loader);
                    return (updated, Outcome.Partial, writes.Task);
                }
                // The restored objects were partly changed by the attempt: the full parse below starts afresh.
            }
        }
        // A full parse makes mostly garbage (rendering): collections must run.
        CollectionPause.EndForGarbage();
        // Hashed before parsing: a file edited while the parse runs then looks changed next time, never the reverse.
        Parallel.ForEach(current, f => f.ComputeHash());
        var result = ManifestLoader.Load(request);
        result.PerfInfo.IsPartialParseEnabled = true;
        Trace("full parse", clock);
        TryWrite(writes, path, key, scannedAt, request, null, current, result.Loader);
        Trace("write cache", clock);
        return (result, Outcome.Full, writes.Task);
    }

    /// <summary>Absolute paths of files added, deleted or whose contents changed; hashes only files whose stamp moved.</summary>
    private static List<string> Changed(List<InputFile> cached, List<InputFile> current, long scannedAt, out bool restamped)
    {
        var before = cached.ToDictionary(f => f.AbsolutePath, StringComparer.Ordinal);
        var changed = new List<string>();
        var toHash = new List<(InputFile Now, InputFile? Before)>();
        foreach (var file in current)
        {
            var old = before.GetValueOrDefault(file.AbsolutePath);
            // File times move in clock ticks of a few milliseconds: a stamp near the last scan may hide a later
            // same-size edit (git's "racy clean" case), so such files are hashed again.
            if (old is not null && old.SameStamp(file) && old.ModifiedTicks < scannedAt - RacyWindow) file.Hash = old.Hash;
            else toHash.Add((file, old));
            before.Remove(file.AbsolutePath);
        }
        Parallel.ForEach(toHash, pair => pair.Now.ComputeHash());
        restamped = false;
        foreach (var (now, old) in toHash)
        {
            if (old?.Hash is { } h && h.AsSpan().SequenceEqual(now.Hash)) restamped |= !old.SameStamp(now);
            else changed.Add(now.AbsolutePath);
        }
        changed.AddRange(before.Keys);
        return changed;
    }

    /// <summary>True when every environment variable the cached parse read still has the value it saw.</summary>
    private static bool SameEnvironment(PartialParseCache cache, EnvironmentVariables env)
    {
        foreach (var (name, hash) in cache.EnvironmentReads)
        {
            var now = env.Get(name);
            if ((now is null ? null : PartialParseCache.HashValue(now)) != hash) return false;
        }
        return true;
    }

    /// <summary>What every cached result depends on besides files and environment: engine build, target, --vars, projects.</summary>
    private static string Key(ParseRequest request, List<DbtProject> projects)
    {
        var buffer = new MemoryStream();
        var w = new CacheWriter(buffer);
        w.Str(request.DbtVersion);
        var t = request.Target;
        foreach (var s in new[] { t.Name, t.ProfileName, t.Type, t.Schema, t.Database }) w.Str(s);
        w.Int(t.Threads);
        KeyValue(w, t.Settings);
        KeyValue(w, request.CliVars);
        foreach (var p in projects) { w.Str(p.Name); w.Str(p.RootPath); }
        w.Flush();
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(buffer.ToArray()));
    }

    /// <summary>Any value as key material (unlike the cache's values, unknown types are written by type and text).</summary>
    private static void KeyValue(CacheWriter w, object? value)
    {
        switch (value)
        {
            case string or bool or long or int or double or null: w.Value(value); break;
            case System.Collections.IDictionary d:
                w.Str("{");
                foreach (System.Collections.DictionaryEntry e in d) { w.Str(e.Key.ToString()); KeyValue(w, e.Value); }
                w.Str("}");
                break;
            case IEnumerable<KeyValuePair<string, object?>> pairs:
                w.Str("{");
                foreach (var (k, v) in pairs) { w.Str(k); KeyValue(w, v); }
                w.Str("}");
                break;
            case System.Collections.IEnumerable list:
                w.Str("[");
                foreach (var item in list) KeyValue(w, item);
                w.Str("]");
                break;
            default: w.Str(value.GetType().FullName + ":" + value); break;
        }
    }

    /// <summary>Whether cache writes run in the background, and the one started.</summary>
    private sealed class PendingWrites(bool background)
    {
        public bool Background { get; } = background;
        public Task Task { get; set; } = Task.CompletedTask;
    }

    private static void TryWrite(PendingWrites writes, string path, string key, long scannedAt, ParseRequest request, Dictionary<string, string?>? previousReads,
        List<InputFile> files, ManifestLoader loader, string? id = null)
    {
        // The id is known before the file exists, so manifest.json written meanwhile can name the parse it holds.
        id ??= Guid.NewGuid().ToString("N");
        loader.CacheId = id;
        if (writes.Background) writes.Task = Task.Run(() => Write(path, key, scannedAt, request, previousReads, files, loader, id));
        else Write(path, key, scannedAt, request, previousReads, files, loader, id);
    }

    private static void Write(string path, string key, long scannedAt, ParseRequest request, Dictionary<string, string?>? previousReads,
        List<InputFile> files, ManifestLoader loader, string id)
    {
        var reads = new Dictionary<string, string?>(previousReads ?? [], StringComparer.Ordinal);
        foreach (var (name, value) in request.Environment.Read) reads[name] = value is null ? null : PartialParseCache.HashValue(value);
        var cache = new PartialParseCache { Key = key, Id = id, ScannedAtTicks = scannedAt, EnvironmentReads = reads, Files = files };
        loader.ExportTo(cache);
        try
        {
            var clock = Stopwatch.StartNew();
            Parallel.ForEach(files, f => f.ComputeHash());
            cache.Write(path);
            Trace("cache written", clock);
        }
        catch (Exception e) when (Unwrap(e) is NotSupportedException or IOException or UnauthorizedAccessException)
        {
            // A value the cache cannot hold, or a read-only target folder: no cache, so the next start parses fully.
            loader.CacheId = null;
            try { File.Delete(path); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>The first real exception inside the AggregateException parallel loops throw.</summary>
    internal static Exception Unwrap(Exception e) => e is AggregateException a ? Unwrap(a.Flatten().InnerExceptions[0]) : e;

    private static readonly bool TraceEnabled = Environment.GetEnvironmentVariable("SLIPWAY_PARSE_TRACE") is "1";
    private static TimeSpan _lastCpu;

    /// <summary>
    /// With SLIPWAY_PARSE_TRACE=1: each step's wall and process CPU time (CPU is what a loaded machine cannot distort),
    /// and the garbage collections (gen 0/1/2 counts) and memory so far: collections are much of a warm start's time.
    /// </summary>
    internal static void Trace(string step, Stopwatch clock)
    {
        if (!TraceEnabled) return;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        Console.Error.WriteLine($"[partial parse] {step}: {clock.Elapsed.TotalMilliseconds:F0} ms wall, {(cpu - _lastCpu).TotalMilliseconds:F0} ms cpu, collections {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}, heap {GC.GetTotalMemory(false) >> 20} MB, rss {Environment.WorkingSet >> 20} MB, allocated {GC.GetTotalAllocatedBytes() >> 20} MB");
        _lastCpu = cpu;
        clock.Restart();
    }
}
