using Slipway.Deploy.Api;

namespace Slipway.Deploy.Auth;

/// <summary>The API's spelling of <see cref="ProjectRole"/>.</summary>
internal static class Roles
{
    public static string Name(ProjectRole role) => role switch
    {
        ProjectRole.Admin => "admin",
        ProjectRole.Developer => "developer",
        ProjectRole.JobRunner => "job_runner",
        _ => "viewer",
    };

    public static ProjectRole Parse(string? name) => name switch
    {
        "admin" => ProjectRole.Admin,
        "developer" => ProjectRole.Developer,
        "job_runner" => ProjectRole.JobRunner,
        "viewer" => ProjectRole.Viewer,
        _ => throw ApiException.Invalid("role", $"Unknown role '{name}'; expected admin, developer, job_runner or viewer."),
    };
}
