namespace Slipway.Deploy.Auth;

/// <summary>What an action on a project needs. Each maps to a minimum <see cref="ProjectRole"/> and a token scope.</summary>
internal enum Permission
{
    /// <summary>See the project, its environments, jobs and runs (viewer).</summary>
    Read,
    /// <summary>Trigger and cancel runs (job runner).</summary>
    Run,
    /// <summary>Own development credentials and development runs (developer).</summary>
    Develop,
    /// <summary>Change the project, connections, environments, deployment credentials and jobs (admin).</summary>
    Manage,
}
