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
        var target = config.Target;
        IAdapter adapter = target.Type switch
        {
            "duckdb" => DuckDbAdapter.Create(target.Name, WithThreads(target.Settings, config.Threads), config.Project.RootPath),
            "postgres" => PostgresAdapter.Create(target.Name, WithThreads(target.Settings, config.Threads)),
            _ => throw new ProjectException(
                $"Could not find adapter type {target.Type}! Slipway runs targets of type 'duckdb' and 'postgres' (profile '{target.ProfileName}', target '{target.Name}')."),
        };
        adapter.Quoting = quoting.ToPolicy();
        return adapter;
    }

    private static Dictionary<string, object?> WithThreads(IReadOnlyDictionary<string, object?> settings, int threads) =>
        new(settings) { ["threads"] = (long)threads };
}
