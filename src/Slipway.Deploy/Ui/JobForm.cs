using Slipway.Deploy.Api;
using Slipway.Deploy.Jobs;

namespace Slipway.Deploy.Ui;

/// <summary>The job form's fields as posted; turned into the API's <see cref="JobRequest"/> so the same validation applies.</summary>
public sealed class JobForm
{
    public string? Name { get; set; }
    public int? EnvironmentId { get; set; }
    public string? Description { get; set; }
    /// <summary>One command per line.</summary>
    public string? Commands { get; set; }
    public bool RunSourceFreshness { get; set; }
    public bool GenerateDocs { get; set; }
    public string? Cron { get; set; }
    public string? Timezone { get; set; } = "UTC";
    public int? AfterJobId { get; set; }
    public bool OnCommit { get; set; }
    public int? ThreadsOverride { get; set; }
    public string? TargetNameOverride { get; set; }
    public int? TimeoutSeconds { get; set; }
    /// <summary>Which submit button was pressed: <c>save</c> or <c>preview</c>.</summary>
    public string? Action { get; set; }

    internal string[] CommandLines => (Commands ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    internal static JobForm From(Job j) => new()
    {
        Name = j.Name, EnvironmentId = j.EnvironmentId, Description = j.Description, Commands = string.Join('\n', Json.Read<string[]>(j.Commands, [])),
        RunSourceFreshness = j.RunSourceFreshness, GenerateDocs = j.GenerateDocs, Cron = j.Cron, Timezone = j.TimeZone ?? "UTC",
        AfterJobId = j.RunAfterJobId, OnCommit = j.TriggerOnCommit, ThreadsOverride = j.ThreadsOverride, TargetNameOverride = j.TargetNameOverride,
        TimeoutSeconds = j.TimeoutSeconds,
    };

    internal JobRequest ToRequest(Job? existing) => new(Name, EnvironmentId, Description, CommandLines, RunSourceFreshness, GenerateDocs,
        new JobTriggers(string.IsNullOrWhiteSpace(Cron) ? null : new JobSchedule(Cron, Timezone),
            AfterJobId is null ? null : new JobAfter(AfterJobId, existing?.RunAfterStatuses is { } s ? Json.Read<int[]>(s, []) : null), OnCommit),
        ThreadsOverride, TargetNameOverride, TimeoutSeconds, existing?.RequeueOnWorkerLoss ?? false,
        existing?.Notifications is { } n ? Json.Read<JobNotifications?>(n, null) : null);
}
