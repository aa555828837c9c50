namespace Slipway.Engine.Project;

/// <summary>
/// Replaces secret values (from <c>DBT_ENV_SECRET_*</c> variables and secret profile fields) with <c>*****</c> in any
/// text about to be logged, as dbt scrubs its log lines. Thread-safe: log writers on several threads share one.
/// </summary>
public sealed class SecretMasker
{
    public const string Mask = "*****";

    private readonly object _gate = new();
    private string[] _secrets = [];

    public void Add(string? secret)
    {
        // One- or two-character values would mask ordinary text everywhere; dbt's scrubber has the same blind spot
        // for empty values only, but masking "1" in every log line helps nobody.
        if (string.IsNullOrEmpty(secret) || secret.Length < 3) return;
        lock (_gate)
        {
            if (_secrets.Contains(secret, StringComparer.Ordinal)) return;
            // Longest first so a secret containing another is masked whole.
            _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
        }
    }

    public string Apply(string text)
    {
        var secrets = _secrets;
        foreach (var s in secrets)
            if (text.Contains(s, StringComparison.Ordinal)) text = text.Replace(s, Mask, StringComparison.Ordinal);
        return text;
    }
}
