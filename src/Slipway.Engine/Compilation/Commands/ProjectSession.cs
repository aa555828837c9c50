using Slipway.Engine.Artifacts;
using Slipway.Engine.Graph;
using Slipway.Engine.Graph.Selection;
using Slipway.Engine.Manifest;
using Slipway.Engine.Parsing;
using Slipway.Engine.Parsing.PartialParsing;
using Slipway.Engine.Project;

namespace Slipway.Engine.Compilation.Commands;

/// <summary>
/// What parse, compile and list share: parse the project of a <see cref="RuntimeConfig"/>, select from the
/// manifest with the command line's --select/--exclude/--selector, and write target/manifest.json.
/// </summary>
internal sealed class ProjectSession
{
    private ProjectSession(RuntimeConfig config, ParseResult parse)
    {
        Config = config;
        Parse = parse;
    }

    public RuntimeConfig Config { get; }
    public ParseResult Parse { get; }
    /// <summary>Whether the manifest came from a full parse, the partial-parse cache as it was, or the cache with changed files re-parsed.</summary>
    public PartialParser.Outcome ParseOutcome { get; private init; }

    private Task _pendingWrite = Task.CompletedTask;

    /// <summary>Waits for the partial-parse cache write a read-only session started, and lets garbage collections run again.</summary>
    public void Finish()
    {
        try { _pendingWrite.GetAwaiter().GetResult(); }
        finally { CollectionPause.End(); }
    }
    public Manifest.Manifest Manifest => Parse.Manifest;

    /// <summary>
    /// Parses (or restores) the project. <paramref name="readOnly"/>: the command only reads the manifest (parse, ls),
    /// so the partial-parse cache may be written while it works; it must call <see cref="Finish"/> before returning.
    /// </summary>
    public static ProjectSession Load(RuntimeConfig config, Logging.EventLog? log = null, bool readOnly = false)
    {
        var request = new ParseRequest
        {
            Root = config.Project,
            Packages = config.Packages.Values.ToList(),
            Target = config.Target,
            CliVars = config.Invocation.CliVars,
            Environment = config.Environment,
            Invocation = config.Invocation,
        };
        // dbt's --partial-parse/--no-partial-parse (DBT_PARTIAL_PARSE, flags: in dbt_project.yml); on by default.
        var partial = !(config.Invocation.Flags.TryGetValue("partial_parse", out var flag) && flag is false);
        var (parse, outcome, pendingWrite) = PartialParser.Load(request, config.TargetPath, partial, writeInBackground: readOnly);
        if (log is not null && outcome != PartialParser.Outcome.Full) log.Debug($"Partial parsing: {(outcome == PartialParser.Outcome.Unchanged ? "no file changed" : "re-parsed the changed files")}");
        foreach (var selector in config.Selectors)
        {
            var entry = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["name"] = selector.Name };
            if (selector.Description is not null) entry["description"] = selector.Description;
            if (selector.Definition is SelectorText text) entry["definition"] = text.Text;
            if (selector.IsDefault) entry["default"] = true;
            parse.Manifest.Selectors[selector.Name] = entry;
        }
        if (log is not null) foreach (var warning in parse.Loader.Warnings) log.Warn(warning, "NodeNotFoundOrDisabled");
        return new ProjectSession(config, parse) { ParseOutcome = outcome, _pendingWrite = pendingWrite };
    }

    /// <summary>
    /// The graph <see cref="Select"/> built (null before): a command that has not changed the manifest's edges since
    /// runs over it instead of building it again (a few tens of milliseconds at 1,000 models).
    /// </summary>
    public ManifestGraph? SelectionGraph { get; private set; }

    /// <summary>The unique ids the command line selects, restricted to <paramref name="resourceTypes"/>.</summary>
    public IReadOnlySet<string> Select(IReadOnlySet<string>? resourceTypes, Logging.EventLog? log = null)
    {
        var inv = Config.Invocation;
        var graph = SelectionGraph = ManifestGraph.FromManifest(Manifest);
        var spec = YamlSelectors.Resolve(inv.Select, inv.Exclude, inv.Selector, Config.Selectors, IndirectSelectionNames.Parse(inv.IndirectSelection));
        var options = new SelectionOptions
        {
            ResourceTypes = resourceTypes,
            IncludeEmptyNodes = true,
            PreviousState = inv.State is { } state ? PreviousState.Load(Path.GetFullPath(state, Config.Project.RootPath), Config.TargetPath) : null,
        };
        var result = NodeSelector.Select(graph, spec, options);
        if (log is not null) foreach (var warning in result.Warnings) log.Warn(warning, "NoNodesForSelectionCriteria");
        return result.Selected;
    }

    /// <summary>
    /// Writes target/manifest.json. <paramref name="asParsed"/> says the manifest is still exactly what parsing made
    /// (parse, ls): then an unchanged warm start only rewrites the metadata of the previous file.
    /// </summary>
    public void WriteManifest(bool asParsed = false)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var path = Path.Combine(Config.TargetPath, "manifest.json");
        var cacheId = asParsed ? Parse.Loader.CacheId : null;
        if (ParseOutcome == PartialParser.Outcome.Unchanged && ManifestReuse.TryRewrite(path, cacheId, Manifest))
        {
            PartialParser.Trace("rewrite manifest.json metadata", clock);
            return;
        }
        if (ParseOutcome == PartialParser.Outcome.Partial && asParsed
            && ManifestReuse.TryPatch(path, Parse.Loader.PreviousCacheId, cacheId, Manifest, Parse.Loader.ReparsedIds))
        {
            PartialParser.Trace("patch manifest.json nodes", clock);
            return;
        }
        var nodes = cacheId is null ? null : new List<ManifestWriter.NodeRange>(Manifest.Nodes.Count);
        ManifestWriter.Write(Manifest, path, out var bodyOffset, null, nodes);
        ManifestReuse.Record(path, cacheId, bodyOffset, Manifest, nodes);
        PartialParser.Trace("write manifest.json", clock);
    }

    public string WritePerfInfo()
    {
        var path = Path.Combine(Config.TargetPath, "perf_info.json");
        Parse.PerfInfo.Write(path);
        return path;
    }
}
