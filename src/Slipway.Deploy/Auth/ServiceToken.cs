namespace Slipway.Deploy.Auth;

/// <summary>
/// An API token acting for its owner, narrowed by scopes (<c>read</c>, <c>run</c>, <c>write</c>). Only the SHA-256
/// of the token is stored: the token itself is shown once, when it is created.
/// </summary>
internal sealed class ServiceToken
{
    public int Id { get; set; }
    public int UserId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public required string Scopes { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
