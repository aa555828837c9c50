using System.Globalization;
using Slipway.Deploy.Jobs;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Workers;

/// <summary>
/// The plan of a retry from failure, made from the steps the failed run really executed (not the job as it is
/// now): the failed step becomes <c>retry</c> when its command wrote a <c>run_results.json</c> that <c>retry</c> can
/// resume (only its failed and skipped nodes run again), and the steps after it run as they were. Steps that
/// succeeded before it do not run again, except <c>deps</c>: the fresh workspace needs its packages to parse.
/// </summary>
internal static class RetryPlan
{
    /// <summary>The commands whose results <c>retry</c> resumes (dbt's retry re-selects their failed nodes).</summary>
    private static readonly HashSet<string> Resumable = new(["run", "seed", "test", "snapshot", "build", "retry"], StringComparer.Ordinal);

    /// <summary>Options of the failed command that <c>retry</c> accepts and keeps (with their value, if they take one).</summary>
    private static readonly Dictionary<string, bool> KeptOptions = new(StringComparer.Ordinal)
    {
        ["--vars"] = true, ["--threads"] = true, ["--full-refresh"] = false, ["-f"] = false,
    };

    /// <summary>The retry's plan and the <c>run_results.json</c> to place in <c>target/</c> first (null: none), or null when the failed run recorded no step from <paramref name="from"/> on.</summary>
    public static (RunPlan Plan, string? State)? Make(IReadOnlyList<RunStep> original, int from, bool hasPackages, string originalArtifacts)
    {
        var rest = original.Where(s => s.Index >= from).OrderBy(s => s.Index).ToList();
        if (rest.Count == 0) return null;
        var steps = new List<RunPlan.Step>();
        string? state = null;
        foreach (var row in rest)
        {
            var words = Words(row.Command);
            var step = new RunPlan.Step(row.Name, words, Soft: false);
            step = step with { Soft = step.IsFreshness || (row.Name == RunPlan.DocsStepName && step.Command == "docs generate") };
            if (row.Index == from && words.Count > 0 && Resumable.Contains(words[0]))
            {
                var results = Path.Combine(originalArtifacts, "steps", row.Index.ToString(CultureInfo.InvariantCulture), "run_results.json");
                if (File.Exists(results))
                {
                    var retry = new List<string> { "retry" };
                    retry.AddRange(Kept(words));
                    step = new RunPlan.Step($"Invoke slipway with `{string.Join(' ', retry)}`", retry, Soft: false);
                    state = results;
                }
            }
            steps.Add(step);
        }
        if (hasPackages && steps[0].Words is not ["deps", ..]) steps.Insert(0, new RunPlan.Step(RunPlan.DepsStepName, ["deps"], Soft: false));
        return (new RunPlan(steps), state);
    }

    /// <summary>A stored step command (<c>slipway run --select x</c>) as the words after the program name.</summary>
    private static List<string> Words(string command)
    {
        var words = JobCommands.Split(command) ?? [command];
        if (words.Count > 0 && words[0] is "dbt" or "slipway") words.RemoveAt(0);
        return words;
    }

    private static IEnumerable<string> Kept(List<string> words)
    {
        for (var i = 1; i < words.Count; i++)
        {
            var word = words[i];
            var name = word.Split('=', 2)[0];
            if (!KeptOptions.TryGetValue(name, out var takesValue)) continue;
            yield return word;
            if (takesValue && !word.Contains('=', StringComparison.Ordinal) && i + 1 < words.Count) yield return words[++i];
        }
    }
}
