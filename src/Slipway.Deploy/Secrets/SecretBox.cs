using Microsoft.AspNetCore.DataProtection;

namespace Slipway.Deploy.Secrets;

/// <summary>
/// Encrypts secrets (warehouse passwords, git tokens, secret environment variables) before they are stored.
/// ASP.NET Core Data Protection with its key ring in the data directory (<c>keys/</c>); nodes sharing a
/// database share that folder. Plain values exist only in memory, on their way to a worker.
/// </summary>
internal sealed class SecretBox(IDataProtectionProvider provider)
{
    private readonly IDataProtector protector = provider.CreateProtector("Slipway.Deploy.Secrets.v1");

    public string? Protect(string? plain) => string.IsNullOrEmpty(plain) ? null : protector.Protect(plain);

    public string? Unprotect(string? stored) => stored is null ? null : protector.Unprotect(stored);
}
