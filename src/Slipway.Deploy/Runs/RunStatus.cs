namespace Slipway.Deploy.Runs;

/// <summary>dbt Cloud's run status codes.</summary>
internal static class RunStatus
{
    public const int Queued = 1;
    public const int Starting = 2;
    public const int Running = 3;
    public const int Success = 10;
    public const int Error = 20;
    public const int Cancelled = 30;

    public static string Humanize(int status) => status switch
    {
        Queued => "Queued",
        Starting => "Starting",
        Running => "Running",
        Success => "Success",
        Error => "Error",
        Cancelled => "Cancelled",
        _ => "Unknown",
    };

    public static bool IsComplete(int status) => status is Success or Error or Cancelled;

    public static bool IsKnown(int status) => status is Queued or Starting or Running or Success or Error or Cancelled;
}
