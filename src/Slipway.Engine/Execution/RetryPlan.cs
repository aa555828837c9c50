using System.Text.Json;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution;

/// <summary>
/// dbt's RetryTask: <c>retry</c> re-runs the previous command (the <c>which</c> in <c>run_results.json</c>'s
/// <c>args</c>, with that invocation's flags: <c>--full-refresh</c>, <c>--vars</c>, <c>--target</c>, …, the retry's own
/// flags winning) over the nodes that errored, failed or were skipped. The run_results.json it writes records the
/// original command again, so a second retry re-runs what is still failing with the same command.
/// </summary>
internal sealed class RetryPlan
{
    /// <summary>The statuses dbt retries (warn too with <c>--warn-error</c>).</summary>
    private static readonly string[] Retryable = ["error", "fail", "skipped", "runtime error", "partial success"];

    /// <summary>Flags of the previous invocation that describe where it ran, not what: dbt's IGNORE_PARENT_FLAGS.</summary>
    private static readonly HashSet<string> NotInherited = new(StringComparer.Ordinal)
    {
        "which", "invocation_command", "log_path", "output_path", "profiles_dir", "project_dir", "defer_state",
        "target_path", "warn_error",
    };

    /// <summary>The commands whose nodes retry can re-run.</summary>
    private static readonly HashSet<string> Commands = new(StringComparer.Ordinal) { "run", "seed", "test", "build", "snapshot" };

    private RetryPlan(string command, IReadOnlySet<string> uniqueIds, RuntimeConfig config)
    {
        Command = command;
        UniqueIds = uniqueIds;
        Config = config;
    }

    public string Command { get; }
    public IReadOnlySet<string> UniqueIds { get; }

    /// <summary>The configuration to run with: the project reloaded under the previous command's flags.</summary>
    public RuntimeConfig Config { get; }

    public static RetryPlan Load(RuntimeConfig config)
    {
        var folder = config.Invocation.State is { } state ? Path.GetFullPath(state, config.Project.RootPath) : config.TargetPath;
        var path = Path.Combine(folder, "run_results.json");
        if (!File.Exists(path))
            throw new ProjectException($"Could not find previous run in '{folder}' target directory: there is no run_results.json to retry.");
        using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = doc.RootElement;
        var args = root.TryGetProperty("args", out var a) && a.ValueKind == JsonValueKind.Object ? a : default;
        var command = args.ValueKind == JsonValueKind.Object && args.TryGetProperty("which", out var w) ? w.GetString() ?? "run" : "run";
        // Before run_results recorded the original command, a retry wrote "retry"; build covers every node kind.
        if (command == "retry") command = "build";
        if (!Commands.Contains(command))
            throw new ProjectException($"{path}: retry re-runs run, seed, test, build or snapshot, but the previous command was '{command}'.");

        var statuses = new HashSet<string>(Retryable, StringComparer.Ordinal);
        if (config.Invocation.GetBool("warn_error")) statuses.Add("warn");
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array)
            foreach (var r in results.EnumerateArray())
                if (r.TryGetProperty("unique_id", out var id) && r.TryGetProperty("status", out var status)
                    && statuses.Contains(status.GetString() ?? "") && id.GetString() is { } uid && !uid.StartsWith("operation.", StringComparison.Ordinal))
                    ids.Add(uid);

        var flags = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (args.ValueKind == JsonValueKind.Object)
            foreach (var p in args.EnumerateObject())
                if (!NotInherited.Contains(p.Name) && Flag(p.Name, p.Value) is { } value) flags[p.Name] = value;
        // The retry's own command line wins (its --threads, --vars, --target, --full-refresh, paths and log options).
        foreach (var (k, v) in config.Invocation.Flags) flags[k] = v;
        var invocation = new Invocation(command, flags, config.Invocation.Arguments, config.Invocation.RawArgs);
        return new RetryPlan(command, ids, RuntimeConfig.Load(invocation, config.Environment));
    }

    /// <summary>A flag value as the command line gives it: text, bool, whole number, list of text; <c>vars</c> as YAML text.</summary>
    private static object? Flag(string name, JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => value.TryGetInt64(out var l) ? l : value.GetDouble(),
        JsonValueKind.Array => value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? "" : e.GetRawText()).ToList(),
        // JSON is YAML, so --vars read back from the artifact parses as the original did.
        JsonValueKind.Object when name == "vars" => value.EnumerateObject().Any() ? value.GetRawText() : null,
        _ => null,
    };
}
