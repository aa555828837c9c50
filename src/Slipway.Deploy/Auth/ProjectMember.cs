namespace Slipway.Deploy.Auth;

/// <summary>Grants a user a role on a project.</summary>
internal sealed class ProjectMember
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int UserId { get; set; }
    public ProjectRole Role { get; set; }
}
