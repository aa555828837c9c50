using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Ui;

/// <summary>"Run now" with its optional overrides; variables are <c>DBT_NAME=value</c> lines.</summary>
public sealed class RunNowForm
{
    public string? Cause { get; set; }
    public string? GitBranch { get; set; }
    public int? Threads { get; set; }
    public string? TargetName { get; set; }
    public string? Variables { get; set; }

    internal TriggerRequest ToRequest(string actor)
    {
        var variables = (Variables ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)
            .Select(l => l.Split('=', 2)).ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        return new TriggerRequest(string.IsNullOrWhiteSpace(Cause) ? $"Run now by {actor}" : Cause, GitBranch, null, null, TargetName, Threads, null, null, null,
            variables.Count == 0 ? null : variables);
    }
}
