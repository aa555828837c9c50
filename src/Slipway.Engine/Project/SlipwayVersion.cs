namespace Slipway.Engine.Project;

/// <summary>The versions Slipway reports: its own, and the dbt-core version whose behaviour it follows.</summary>
public static class SlipwayVersion
{
    /// <summary>The dbt-core release Slipway is compatible with; <c>dbt_version</c> in Jinja and artifacts.</summary>
    public const string DbtVersion = "1.10.0";

    public static string Version { get; } =
        typeof(SlipwayVersion).Assembly.GetName().Version is { } v ? $"{v.Major}.{v.Minor}.{v.Build}" : "0.0.0";
}
