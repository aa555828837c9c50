namespace Slipway.Deploy.Ui;

/// <summary>The settings form that adds a user, optionally with a role on one project.</summary>
public sealed class NewUserForm
{
    public string? Username { get; set; }
    public string? Password { get; set; }
    public bool IsAdmin { get; set; }
    public int? ProjectId { get; set; }
    public string? Role { get; set; }
}
