namespace Slipway.Deploy.Workers;

/// <summary>What happens after a run ends (after-job triggers, notifications); each runs in the worker's scope.</summary>
internal interface IRunFinished
{
    Task FinishedAsync(int runId, RunExecutor.Outcome outcome, CancellationToken ct);
}
