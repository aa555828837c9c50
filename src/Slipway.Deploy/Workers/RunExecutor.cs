using System.Text.Json;
using Microsoft.Extensions.Logging;
using Slipway.Deploy.Api;
using Slipway.Deploy.Data;
using Slipway.Deploy.Environments;
using Slipway.Deploy.Jobs;
using Slipway.Deploy.Logs;
using Slipway.Deploy.Runs;
using Slipway.Deploy.Secrets;
using Slipway.Deploy.Workspaces;

namespace Slipway.Deploy.Workers;

/// <summary>
/// Executes one claimed run: workspace, profile, then each step as an engine process, keeping every step's log,
/// exit code, duration and artifacts. The first failing step stops the rest; soft steps (freshness, docs) never fail.
/// </summary>
internal sealed partial class RunExecutor(DeployDbContext db, DeployOptions options, WorkerSettings settings, SecretBox secrets,
    RunWorkspace workspace, RunQueue queue, Notifications.Notifier notifier, ILogger<RunExecutor> logger)
{
    // The docs site is index.html plus its script, data and style (Slipway.Engine's DocsSiteWriter), all served from the artifacts.
    public static readonly string[] ArtifactNames = ["manifest.json", "run_results.json", "sources.json", "catalog.json", "index.html",
        "slipway-docs.js", "slipway-docs-data.js", "slipway-docs.css"];

    /// <summary>What the run ended as, for notifications and after-job triggers.</summary>
    public sealed record Outcome(int Status, string Message, bool StaleSources);

    public async Task<Outcome> ExecuteAsync(Run run, CancellationToken leaseLost)
    {
        Prepared prepared;
        try
        {
            prepared = await PrepareAsync(run, leaseLost);
        }
        catch (Exception e) when (e is Git.GitException or InvalidOperationException or IOException or ApiException)
        {
            var reason = $"The run could not start: {e.Message}";
            await queue.TransitionAsync(run.Id, [RunStatus.Starting, RunStatus.Running], RunStatus.Error, reason, CancellationToken.None);
            return new Outcome(RunStatus.Error, reason, false);
        }
        using var _ = prepared;
        if (!await queue.TransitionAsync(run.Id, [RunStatus.Starting], RunStatus.Running, $"Running {prepared.Plan.Steps.Count} steps on {run.GitBranch}@{prepared.Sha[..7]}.", CancellationToken.None))
            return new Outcome(RunStatus.Cancelled, "The run was cancelled before it started.", false);
        notifier.RunStarted(run.Id);

        var rows = await CreateStepRowsAsync(run.Id, prepared.Plan);
        var status = RunStatus.Success;
        var message = "All steps succeeded.";
        var stale = false;
        var started = DateTime.UtcNow;
        for (var i = 0; i < rows.Count; i++)
        {
            var step = prepared.Plan.Steps[i];
            if (status != RunStatus.Success)
            {
                rows[i].Status = RunStatus.Cancelled;
                rows[i].Log = "Skipped: an earlier step did not succeed.";
                await db.SaveChangesAsync(CancellationToken.None);
                continue;
            }
            var result = await RunStepAsync(run, prepared, rows[i], step, started, leaseLost);
            if (step.IsFreshness && result.ExitCode != 0 && result.Ending == StepProcess.Ending.Exited) stale = true;
            switch (result.Ending)
            {
                case StepProcess.Ending.Cancelled:
                    (status, message) = (RunStatus.Cancelled, $"Cancelled during step {i + 1} ({step.Command}).");
                    break;
                case StepProcess.Ending.TimedOut:
                    (status, message) = (RunStatus.Cancelled, $"Timed out after {prepared.Timeout!.Value.TotalSeconds:0} seconds during step {i + 1} ({step.Command}).");
                    break;
                case StepProcess.Ending.LeaseLost:
                    // Another node's reaper already ended the run; nothing more may be written as this worker.
                    return new Outcome(RunStatus.Error, "The worker lost its lease.", stale);
                default:
                    if (result.ExitCode != 0 && !step.Soft)
                        (status, message) = (RunStatus.Error, $"Step {i + 1} ({step.Command}) failed with exit code {result.ExitCode}.");
                    break;
            }
        }
        await queue.TransitionAsync(run.Id, [RunStatus.Running], status, message, CancellationToken.None);
        return new Outcome(status, message, stale);
    }

    private async Task<List<RunStep>> CreateStepRowsAsync(int runId, RunPlan plan)
    {
        // A re-queued run starts over: the steps of the lost attempt go.
        await db.RunSteps.Where(s => s.RunId == runId).ExecuteDeleteAsync(CancellationToken.None);
        await db.Set<ModelTiming>().Where(t => t.RunId == runId).ExecuteDeleteAsync(CancellationToken.None);
        var rows = plan.Steps.Select((s, i) => new RunStep { RunId = runId, Index = i + 1, Name = s.Name, Command = "slipway " + s.Command }).ToList();
        db.RunSteps.AddRange(rows);
        await db.SaveChangesAsync(CancellationToken.None);
        return rows;
    }

    private async Task<StepProcess.Result> RunStepAsync(Run run, Prepared prepared, RunStep row, RunPlan.Step step, DateTime runStarted, CancellationToken leaseLost)
    {
        row.Status = RunStatus.Running;
        row.StartedAt = DateTime.UtcNow;
        await db.SaveChangesAsync(CancellationToken.None);
        using var log = new StepLogFile(StepLogFile.PathFor(options, run.Id, row.Index), prepared.Masker);
        log.Write($"$ slipway {step.Command}");
        var arguments = step.Words.Concat(["--log-format", "json", "--profiles-dir", prepared.ProfilesDir, "--project-dir", prepared.ProjectDir, "--target", prepared.TargetName]).ToList();
        StepProcess.Result result;
        try
        {
            result = await StepProcess.RunAsync(prepared.Engine, arguments, prepared.ProjectDir, prepared.Variables, log.WriteEngineLine, async () =>
            {
                if (prepared.Timeout is { } timeout && DateTime.UtcNow - runStarted > timeout) return StepProcess.Ending.TimedOut;
                return await db.Runs.AnyAsync(r => r.Id == run.Id && r.CancelRequested, CancellationToken.None) ? StepProcess.Ending.Cancelled : null;
            }, CheckInterval, settings.CancelGrace, leaseLost);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            log.Write($"The engine could not be started: {e.Message}");
            result = new StepProcess.Result(-1, StepProcess.Ending.Exited);
        }
        if (result.Ending is StepProcess.Ending.Cancelled or StepProcess.Ending.TimedOut)
            log.Write(result.Ending == StepProcess.Ending.Cancelled ? "The step was cancelled." : "The step timed out.");
        row.ExitCode = result.ExitCode;
        row.FinishedAt = DateTime.UtcNow;
        row.Status = result.Ending switch
        {
            StepProcess.Ending.Cancelled or StepProcess.Ending.TimedOut => RunStatus.Cancelled,
            _ when result.ExitCode == 0 || step.Soft => RunStatus.Success,
            _ => RunStatus.Error,
        };
        row.Log = log.Tail();
        var artifacts = CollectArtifacts(run.Id, row.Index, prepared.ProjectDir, row.StartedAt!.Value);
        row.Artifacts = Json.Write(artifacts);
        if (artifacts.Contains("run_results.json")) db.Set<ModelTiming>().AddRange(Timings(run.Id, row.Index, Path.Combine(prepared.ProjectDir, "target", "run_results.json")));
        if (artifacts.Contains("catalog.json") || artifacts.Contains("sources.json"))
        {
            var docs = artifacts.Contains("catalog.json");
            var sources = artifacts.Contains("sources.json");
            await db.Runs.Where(r => r.Id == run.Id).ExecuteUpdateAsync(s => s
                .SetProperty(r => r.HasDocsGenerated, r => r.HasDocsGenerated || docs).SetProperty(r => r.HasSourcesGenerated, r => r.HasSourcesGenerated || sources), CancellationToken.None);
        }
        await db.SaveChangesAsync(CancellationToken.None);
        return result;
    }

    private static readonly TimeSpan CheckInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Copies what the step wrote into <c>target/</c> to the run's artifacts (the latest at the top, each step's under <c>steps/N/</c>).</summary>
    private List<string> CollectArtifacts(int runId, int stepIndex, string projectDir, DateTime stepStarted)
    {
        var folder = RunArtifacts.Folder(options, runId);
        var written = new List<string>();
        foreach (var name in ArtifactNames)
        {
            var file = Path.Combine(projectDir, "target", name);
            if (!File.Exists(file) || File.GetLastWriteTimeUtc(file) < stepStarted.AddSeconds(-1)) continue;
            Directory.CreateDirectory(Path.Combine(folder, "steps", stepIndex.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            File.Copy(file, Path.Combine(folder, name), overwrite: true);
            File.Copy(file, Path.Combine(folder, "steps", stepIndex.ToString(System.Globalization.CultureInfo.InvariantCulture), name), overwrite: true);
            written.Add(name);
        }
        return written;
    }

    private IEnumerable<ModelTiming> Timings(int runId, int stepIndex, string path)
    {
        var timings = new List<ModelTiming>();
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            if (!document.RootElement.TryGetProperty("results", out var results) || results.ValueKind != JsonValueKind.Array) return timings;
            foreach (var result in results.EnumerateArray())
                if (result.TryGetProperty("unique_id", out var id) && id.GetString() is { } uniqueId)
                    timings.Add(new ModelTiming
                    {
                        RunId = runId, StepIndex = stepIndex, UniqueId = uniqueId,
                        Status = result.TryGetProperty("status", out var s) ? s.ToString() : "",
                        ExecutionTime = result.TryGetProperty("execution_time", out var t) && t.ValueKind == JsonValueKind.Number ? t.GetDouble() : 0,
                    });
        }
        catch (JsonException e)
        {
            logger.LogWarning("run_results.json of run {RunId} step {Step} is not valid JSON: {Message}", runId, stepIndex, e.Message);
        }
        return timings;
    }
}
