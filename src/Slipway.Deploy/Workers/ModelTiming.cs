namespace Slipway.Deploy.Workers;

/// <summary>One node's result in one step, read from the step's <c>run_results.json</c>.</summary>
internal sealed class ModelTiming
{
    public long Id { get; set; }
    public int RunId { get; set; }
    public int StepIndex { get; set; }
    public required string UniqueId { get; set; }
    public required string Status { get; set; }
    public double ExecutionTime { get; set; }
}
