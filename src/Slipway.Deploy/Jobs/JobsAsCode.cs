using Slipway.Deploy.Api;
using Slipway.Deploy.Audit;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Git;
using Slipway.Deploy.Projects;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Slipway.Deploy.Jobs;

/// <summary>
/// Jobs defined as code: <c>slipway_jobs.yml</c> next to <c>dbt_project.yml</c> on the project's default branch.
/// Synchronising creates and updates the jobs it names (environments by name, after-job triggers by job name)
/// and deletes code-defined jobs it no longer names; every job is checked before anything is written.
/// </summary>
internal sealed class JobsAsCode(DeployDbContext db, GitRepositories git, JobValidator validator)
{
    public const string FileName = "slipway_jobs.yml";

    internal sealed class JobsFile
    {
        public List<JobEntry> Jobs { get; set; } = [];
    }

    internal sealed class JobEntry
    {
        public string? Name { get; set; }
        public string? Environment { get; set; }
        public string? Description { get; set; }
        public List<string>? Commands { get; set; }
        public bool RunSourceFreshness { get; set; }
        public bool GenerateDocs { get; set; }
        public TriggersEntry? Triggers { get; set; }
        public int? Threads { get; set; }
        public string? TargetName { get; set; }
        public int? TimeoutSeconds { get; set; }
        public bool RequeueOnWorkerLoss { get; set; }
    }

    internal sealed class TriggersEntry
    {
        public ScheduleEntry? Schedule { get; set; }
        public AfterEntry? AfterJob { get; set; }
        public bool OnCommit { get; set; }
    }

    internal sealed class ScheduleEntry
    {
        public string? Cron { get; set; }
        public string? Timezone { get; set; }
    }

    internal sealed class AfterEntry
    {
        public string? Job { get; set; }
        public List<int>? Statuses { get; set; }
    }

    public async Task<object> SyncAsync(Project project, Actor actor, CancellationToken ct)
    {
        var path = project.Subdirectory is null ? FileName : $"{project.Subdirectory}/{FileName}";
        string? text;
        try
        {
            text = git.ReadFile(project, project.DefaultBranch, path);
        }
        catch (GitException e)
        {
            throw ApiException.Invalid("repository_url", e.Message);
        }
        if (text is null) throw ApiException.Invalid("file", $"The branch '{project.DefaultBranch}' has no {path}.");
        JobsFile file;
        try
        {
            file = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build().Deserialize<JobsFile?>(text) ?? new JobsFile();
        }
        catch (YamlDotNet.Core.YamlException e)
        {
            throw ApiException.Invalid("file",
                $"{path}, line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}");
        }

        var environments = await db.Environments.Where(e => e.ProjectId == project.Id).ToDictionaryAsync(e => e.Name, ct);
        var existing = await db.Jobs.Where(j => j.ProjectId == project.Id).ToDictionaryAsync(j => j.Name, ct);
        var names = new HashSet<string>(StringComparer.Ordinal);
        var created = new List<string>();
        var updated = new List<string>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two passes: jobs first, so after-job triggers can name any job of the file.
        var pending = new List<(Job Job, JobEntry Entry, int Index)>();
        for (var i = 0; i < file.Jobs.Count; i++)
        {
            var entry = file.Jobs[i];
            var field = $"{path}: jobs[{i}].";
            if (string.IsNullOrWhiteSpace(entry.Name)) throw ApiException.Invalid(field + "name", $"{field}name is required.");
            if (!names.Add(entry.Name)) throw ApiException.Invalid(field + "name", $"The job name '{entry.Name}' appears twice in {path}.");
            if (entry.Environment is null || !environments.TryGetValue(entry.Environment, out var environment))
                throw ApiException.Invalid(field + "environment", $"{field}environment '{entry.Environment}' is not an environment of this project.");
            var isNew = !existing.TryGetValue(entry.Name, out var job);
            job ??= new Job { ProjectId = project.Id, Name = entry.Name, CreatedAt = DateTime.UtcNow };
            await validator.ApplyAsync(job, Request(entry, environment.Id, null), ct, field);
            job.DefinedInCode = true;
            if (isNew) { db.Jobs.Add(job); created.Add(job.Name); } else updated.Add(job.Name);
            pending.Add((job, entry, i));
        }
        await db.SaveChangesAsync(ct);
        var byName = await db.Jobs.Where(j => j.ProjectId == project.Id).ToDictionaryAsync(j => j.Name, ct);
        foreach (var (job, entry, i) in pending.Where(p => p.Entry.Triggers?.AfterJob is not null))
        {
            var after = entry.Triggers!.AfterJob!;
            var field = $"{path}: jobs[{i}].";
            if (after.Job is null || !byName.TryGetValue(after.Job, out var other))
                throw ApiException.Invalid(field + "triggers.after_job.job", $"{field}triggers.after_job.job '{after.Job}' is not a job of this project.");
            await validator.ApplyAsync(job, Request(entry, job.EnvironmentId, after.Statuses?.ToArray()), ct, field, other.Id);
        }
        var removed = new List<string>();
        foreach (var job in byName.Values.Where(j => j.DefinedInCode && !names.Contains(j.Name)))
        {
            await JobEndpoints.DeleteAsync(db, job, ct);
            removed.Add(job.Name);
        }
        new AuditLog(db).Record(actor.Display, "job.synchronised", project.Id, path,
            $"created [{string.Join(", ", created)}], updated [{string.Join(", ", updated)}], deleted [{string.Join(", ", removed)}]");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new { file = path, branch = project.DefaultBranch, created, updated, deleted = removed };
    }

    private static JobRequest Request(JobEntry e, int environmentId, int[]? afterStatuses) => new(
        e.Name, environmentId, e.Description, e.Commands?.ToArray(), e.RunSourceFreshness, e.GenerateDocs,
        new JobTriggers(e.Triggers?.Schedule is { } s ? new JobSchedule(s.Cron, s.Timezone) : null,
            afterStatuses is null ? null : new JobAfter(null, afterStatuses), e.Triggers?.OnCommit ?? false),
        e.Threads, e.TargetName, e.TimeoutSeconds, e.RequeueOnWorkerLoss, null);
}
