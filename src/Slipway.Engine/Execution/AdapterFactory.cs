using Slipway.Adapters;
using Slipway.Adapters.DuckDb;
using Slipway.Adapters.Postgres;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution;

/// <summary>Connects the adapter a profile target names (<c>type: duckdb</c> or <c>postgres</c>), with the project's quoting.</summary>
internal static class AdapterFactory
{
    public static IAdapter Create(RuntimeConfig config, Compilation.RelationQuoting quoting)
    {
        var adapter = Create(config.Target, config.Threads, config.Project.RootPath);
        adapter.Quoting = quoting.ToPolicy();
        return adapter;
    }

    /// <summary>
    /// Starts connecting on the thread pool so the caller can parse meanwhile: the quoting comes from the root project
    /// file, which is read before parsing. Await the task for the adapter (or the connection error).
    /// </summary>
    public static Task<IAdapter> Connect(RuntimeConfig config) =>
        Task.Run(() => Create(config, Compilation.RelationQuoting.From(config.Project.Quoting)));

    /// <summary>Closes the connection a failed command no longer needs, whenever it finishes opening.</summary>
    public static void Abandon(Task<IAdapter> connecting) =>
        connecting.ContinueWith(t => t.Result.Dispose(), TaskContinuationOptions.OnlyOnRanToCompletion | TaskContinuationOptions.ExecuteSynchronously);

    /// <summary>The adapter for <paramref name="target"/> alone (what <c>debug</c> needs to test a connection without a parsed project).</summary>
    public static IAdapter Create(Target target, int threads, string projectRoot) => target.Type switch
    {
        "duckdb" => DuckDbAdapter.Create(target.Name, WithThreads(target.Settings, threads), projectRoot),
        "postgres" => PostgresAdapter.Create(target.Name, WithThreads(target.Settings, threads)),
        _ => throw new ProjectException(
            $"Could not find adapter type {target.Type}! Slipway runs targets of type 'duckdb' and 'postgres' (profile '{target.ProfileName}', target '{target.Name}')."),
    };

    private static Dictionary<string, object?> WithThreads(IReadOnlyDictionary<string, object?> settings, int threads) =>
        new(settings) { ["threads"] = (long)threads };
}
