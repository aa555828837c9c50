namespace Slipway.Deploy.Logs;

/// <summary>Replaces every secret value injected into a run by <c>*****</c>, longest first (so a secret containing another is masked whole).</summary>
internal sealed class SecretMasker(IEnumerable<string?> secrets)
{
    public const string Mask = "*****";

    private readonly string[] values = secrets.Where(s => !string.IsNullOrEmpty(s)).Select(s => s!).Distinct(StringComparer.Ordinal)
        .OrderByDescending(s => s.Length).ToArray();

    public string Apply(string line)
    {
        foreach (var value in values)
            if (line.Contains(value, StringComparison.Ordinal)) line = line.Replace(value, Mask, StringComparison.Ordinal);
        return line;
    }
}
