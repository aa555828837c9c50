using System.Security.Cryptography;

namespace Slipway.Deploy.Auth;

/// <summary>Random secrets handed out once: API tokens and the first-start setup token.</summary>
internal static class Tokens
{
    public static readonly string[] Scopes = ["read", "run", "write"];

    public static string NewApiToken() => "slw_" + Base64Url(RandomNumberGenerator.GetBytes(32));

    public static string NewSetupToken() => Base64Url(RandomNumberGenerator.GetBytes(24));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
