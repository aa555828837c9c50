using System.Diagnostics;
using Slipway.Engine.Artifacts;
using Slipway.Engine.Compilation;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Parsing;

/// <summary>
/// Loads every project (root, installed packages, built-in macros) into a <see cref="Manifest.Manifest"/>, in
/// dbt's order: macros first (rendering needs them), then node files, docs and properties YAML, then configs
/// are merged (dbt_project.yml &lt; properties &lt; <c>config()</c>), models rendered at parse time, generic tests
/// built, relation names generated, refs and sources resolved, and the DAG checked for cycles.
/// </summary>
internal sealed partial class ManifestLoader
{
    public const string InternalPackage = "dbt";

    private readonly ParseRequest _request;
    private readonly Manifest.Manifest _manifest;
    private readonly Dictionary<ManifestNode, NodeDraft> _drafts = new(ReferenceEqualityComparer.Instance);
    private readonly List<NodeDraft> _draftOrder = [];
    private readonly List<DbtProject> _projects;
    private readonly Dictionary<string, DbtProject> _projectsByName;
    private readonly ProjectConfigResolver _resolver;
    private readonly RelationQuoting _quoting;
    private readonly double _createdAt;
    private readonly PerfInfo _perf = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    private ManifestLoader(ParseRequest request, Manifest.Manifest? manifest = null)
    {
        _request = request;
        _manifest = manifest ?? new Manifest.Manifest();
        _projects = [request.Root, .. request.Packages.Where(p => p.Name != request.Root.Name)];
        _projectsByName = _projects.ToDictionary(p => p.Name, StringComparer.Ordinal);
        _resolver = new ProjectConfigResolver(request.Root, _projectsByName);
        _quoting = RelationQuoting.From(request.Root.Quoting);
        _createdAt = request.RunStartedAt.ToUnixTimeMilliseconds() / 1000.0;
    }

    public DbtProject Root => _request.Root;

    /// <summary>Problems dbt reports as warnings (e.g. a test whose model does not exist), for the command to print.</summary>
    public List<string> Warnings { get; } = [];
    public Target Target => _request.Target;
    public RelationQuoting Quoting => _quoting;

    /// <summary>Parses the projects of <paramref name="request"/>; throws <see cref="ParseException"/>/<see cref="ManifestException"/> on user errors.</summary>
    public static ParseResult Load(ParseRequest request)
    {
        var loader = new ManifestLoader(request);
        return loader.Run();
    }

    private ParseResult Run()
    {
        var phase = Stopwatch.StartNew();
        LoadMacros(); Step("LoadMacros");
        _perf.LoadMacrosElapsed = Lap(phase);

        var files = FindNodeFiles();
        _perf.PathCount = files.Count;
        ParseNodeFiles(files); Step("ParseNodeFiles(files");
        LoadDocs(); Step("LoadDocs");
        AddHooks(); Step("AddHooks");
        _perf.ReadFilesElapsed = Lap(phase);

        ParseAllProperties(); Step("ParseAllProperties");
        _perf.PatchSourcesElapsed = Lap(phase);

        ResolveProjectConfigs(); Step("ResolveProjectConfigs");
        RenderNodes(); Step("RenderNodes");
        FinaliseConfigs(); Step("FinaliseConfigs");
        BuildGenericTests(); Step("BuildGenericTests");
        _perf.ParseProjectElapsed = Lap(phase);

        GenerateRelationNames(); Step("GenerateRelationNames");
        ResolveDependencies(); Step("ResolveDependencies");
        _manifest.BuildParentAndChildMaps(); Step("BuildParentAndChildMaps");
        CheckForCycles(); Step("CheckForCycles");
        FillMetadata();
        _perf.ProcessManifestElapsed = Lap(phase);
        _perf.LoadAllElapsed = _clock.Elapsed.TotalSeconds;
        _perf.ParsedPathCount = files.Count;
        foreach (var p in _projects)
            _perf.Projects.Add(new PerfInfo.ProjectPerf { ProjectName = p.Name, ParsedPathCount = files.Count(f => f.File.PackageName == p.Name) });
        return new ParseResult(_manifest, _perf, this);
    }

    private static readonly bool Trace = System.Environment.GetEnvironmentVariable("SLIPWAY_PARSE_TRACE") is "1";
    private readonly Stopwatch _traceClock = Stopwatch.StartNew();

    /// <summary>With SLIPWAY_PARSE_TRACE=1, prints each step's duration to stderr (for performance work).</summary>
    private void Step(string name)
    {
        if (!Trace) return;
        Console.Error.WriteLine($"[parse] {name}: {_traceClock.Elapsed.TotalMilliseconds:F0} ms");
        _traceClock.Restart();
    }

    private static double Lap(Stopwatch sw)
    {
        var s = sw.Elapsed.TotalSeconds;
        sw.Restart();
        return s;
    }

    private void FillMetadata()
    {
        var m = _manifest.Metadata;
        m.DbtVersion = _request.DbtVersion;
        m.GeneratedAt = DateTimeOffset.UtcNow;
        m.InvocationId = _request.InvocationId;
        m.InvocationStartedAt = _request.RunStartedAt;
        m.RunStartedAt = _request.RunStartedAt;
        m.ProjectName = Root.Name;
        m.ProjectId = PythonText.Md5Hex(Root.Name);
        m.AdapterType = Target.Type;
        m.SendAnonymousUsageStats = false;
        foreach (var (k, v) in _request.Environment.MetadataEnvs()) m.Env[k] = v;
        foreach (var key in new[] { "database", "schema", "identifier", "column" })
            m.Quoting[key] = Root.Quoting.TryGetValue(key, out var q) && q is bool b ? b : null;
    }

    private void AddDraft(NodeDraft draft)
    {
        _drafts[draft.Node] = draft;
        _draftOrder.Add(draft);
    }

    internal NodeDraft? DraftOf(ManifestNode node) => _drafts.TryGetValue(node, out var draft) ? draft : RestoredDraft(node);

    internal DbtProject ProjectOf(string packageName) =>
        _projectsByName.TryGetValue(packageName, out var p) ? p : Root;

    /// <summary>The <c>var()</c> layers for a node of <paramref name="packageName"/>.</summary>
    internal ProjectVars VarsFor(string packageName) =>
        ProjectVars.For(packageName, Root, _projectsByName.GetValueOrDefault(packageName), _request.CliVars);
}

/// <summary>The outcome of parsing: the manifest, timings, and the loader (it keeps the macro namespace for compilation).</summary>
internal sealed record ParseResult(Manifest.Manifest Manifest, PerfInfo PerfInfo, ManifestLoader Loader);
