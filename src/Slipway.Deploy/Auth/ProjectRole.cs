namespace Slipway.Deploy.Auth;

/// <summary>A user's role on one project; each role includes the rights of the roles before it.</summary>
internal enum ProjectRole
{
    Viewer = 0,
    JobRunner = 1,
    Developer = 2,
    Admin = 3,
}
