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

    /// <summary>
    /// <see cref="LockedUntil"/> of a deactivated user: a sign-in lock without end. Kept in the lock column so that
    /// deactivating needs no schema change; a far-future date (not <see cref="DateTime.MaxValue"/>) round-trips in
    /// SQLite and PostgreSQL alike.
    /// </summary>
    public static readonly DateTime DeactivatedMark = new(9999, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public bool IsDeactivated => LockedUntil >= DeactivatedMark;
}
