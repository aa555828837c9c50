using Slipway.Deploy.Jobs;

namespace Slipway.Deploy.Workers;

/// <summary>The commands of a run in order; freshness and docs are "soft" steps that never fail the run.</summary>
internal sealed record RunPlan(IReadOnlyList<RunPlan.Step> Steps)
{
    public sealed record Step(string Name, IReadOnlyList<string> Words, bool Soft)
    {
        public string Command => string.Join(' ', Words);

        public bool IsFreshness => Words.Count >= 2 && Words[0] == "source" && Words[1] == "freshness";
    }

    public const string DepsStepName = "Install packages";

    public const string DocsStepName = "Generate docs";

    public static RunPlan Make(IReadOnlyList<string> commands, bool hasPackages, bool freshness, bool docs)
    {
        var steps = new List<Step>();
        if (hasPackages) steps.Add(new Step(DepsStepName, ["deps"], Soft: false));
        if (freshness) steps.Add(new Step("Source freshness", ["source", "freshness"], Soft: true));
        foreach (var command in commands)
        {
            var words = JobCommands.Split(command) ?? [command];
            if (words.Count > 0 && words[0] is "dbt" or "slipway") words.RemoveAt(0);
            var step = new Step($"Invoke slipway with `{string.Join(' ', words)}`", words, Soft: false);
            // An explicit freshness step of the job is a soft one too (dbt Cloud never fails a run on freshness).
            steps.Add(step.IsFreshness ? step with { Soft = true } : step);
        }
        if (docs) steps.Add(new Step(DocsStepName, ["docs", "generate"], Soft: true));
        return new RunPlan(steps);
    }
}
