using Slipway.Adapters;
using Slipway.Engine.Compilation;
using Slipway.Engine.Logging;
using Slipway.Engine.Parsing;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution;

/// <summary>
/// What every node runner of one invocation shares: the parsed project, the compiler, the connected adapter,
/// the event log and the command line. Built once per command; runners on worker threads only read it.
/// </summary>
internal sealed class ExecutionServices
{
    public required RuntimeConfig Config { get; init; }
    public required ParseResult Parse { get; init; }
    public required Compiler Compiler { get; init; }
    public required IAdapter Adapter { get; init; }
    public required EventLog Log { get; init; }
    /// <summary>Where a run's per-node files go (written on a thread of their own); null writes them at once.</summary>
    public TargetFileWriter? Files { get; init; }
    /// <summary>Unique ids of the selected nodes (dbt's <c>selected_resources</c>).</summary>
    public IReadOnlyList<string> SelectedResources { get; set; } = [];
    /// <summary><c>retry</c>: the batches of microbatch models the previous run left unfinished, by unique id.</summary>
    public IReadOnlyDictionary<string, Microbatch.BatchResults> PreviousBatches { get; set; } = new Dictionary<string, Microbatch.BatchResults>();
    /// <summary>The project-relative target folder (<c>target</c>), as compiled paths are written.</summary>
    public string RelativeTargetPath => Path.GetRelativePath(Config.Project.RootPath, Config.TargetPath).Replace('\\', '/');
    public Manifest.Manifest Manifest => Parse.Manifest;
    public Invocation Invocation => Config.Invocation;

    private Contexts.RuntimeShared? _shared;

    /// <summary>The run-time context members every node shares; built on first use, after <see cref="SelectedResources"/> is set.</summary>
    public Contexts.RuntimeShared Shared => LazyInitializer.EnsureInitialized(ref _shared, () => new Contexts.RuntimeShared(this));
}
