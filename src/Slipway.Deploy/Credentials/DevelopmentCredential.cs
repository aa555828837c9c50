namespace Slipway.Deploy.Credentials;

/// <summary>A developer's own warehouse credentials on one project; development runs write into <see cref="Schema"/>.</summary>
internal sealed class DevelopmentCredential
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public int UserId { get; set; }
    public required string WarehouseUser { get; set; }
    public string? PasswordSecret { get; set; }
    public required string Schema { get; set; }
    public DateTime UpdatedAt { get; set; }
}
