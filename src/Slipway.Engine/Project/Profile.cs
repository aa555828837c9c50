namespace Slipway.Engine.Project;

/// <summary>The profile in use: which file it came from, how that file was found, and the chosen target.</summary>
public sealed class Profile
{
    public required string Name { get; init; }
    /// <summary>Absolute path of the profiles.yml read.</summary>
    public required string ProfilesFile { get; init; }
    /// <summary>How the folder was chosen, for <c>slipway debug</c>: "--profiles-dir", "DBT_PROFILES_DIR", "project directory", ….</summary>
    public required string FoundBy { get; init; }
    public required Target Target { get; init; }
    /// <summary>How the target was chosen: "--target", "DBT_TARGET" or "profile default".</summary>
    public required string TargetChosenBy { get; init; }
    /// <summary>Every target name the profile defines.</summary>
    public required IReadOnlyList<string> TargetNames { get; init; }
}
