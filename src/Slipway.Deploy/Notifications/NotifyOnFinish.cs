using Slipway.Deploy.Workers;

namespace Slipway.Deploy.Notifications;

/// <summary>Hands a finished run to the <see cref="Notifier"/>.</summary>
internal sealed class NotifyOnFinish(Notifier notifier) : IRunFinished
{
    public Task FinishedAsync(int runId, RunExecutor.Outcome outcome, CancellationToken ct)
    {
        notifier.RunFinished(runId, outcome.Status, outcome.StaleSources);
        return Task.CompletedTask;
    }
}
