namespace Slipway.Deploy.Auth;

/// <summary>A local user. <see cref="IsAdmin"/> is the service-wide administrator (manages users and every project).</summary>
internal sealed class User
{
    public int Id { get; set; }
    public required string Username { get; set; }
    public required string PasswordHash { get; set; }
    public bool IsAdmin { get; set; }
    public DateTime CreatedAt { get; set; }
    // Login throttling is stored with the user so that every node of a multi-node service sees it.
    public int FailedSignIns { get; set; }
    public DateTime? LockedUntil { get; set; }
}
