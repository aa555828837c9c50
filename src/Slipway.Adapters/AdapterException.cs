namespace Slipway.Adapters;

/// <summary>
/// A database or connection error reduced to one clear line (the engine prefixes the node name). Secrets
/// from the profile are masked before the message is built; the database's full text is kept in
/// <see cref="Detail"/> (also masked) for the debug log.
/// </summary>
public sealed class AdapterException : Exception
{
    public AdapterException(string message, string? detail = null, Exception? inner = null)
        : base(message, inner)
    {
        Detail = detail ?? message;
    }

    public string Detail { get; }

    /// <summary>The first meaningful line of a driver's message, with every secret replaced by <c>*****</c>.</summary>
    public static AdapterException FromDatabase(string prefix, Exception error, IEnumerable<string> secrets, string? message = null)
    {
        var detail = Mask(error.Message, secrets);
        var text = message is null ? detail : Mask(message, secrets);
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";
        // The driver's exception is kept for its stack trace only when nothing in it (messages of inner
        // exceptions included) holds a secret: a logged ToString() must not leak what the message masked.
        var full = error.ToString();
        var inner = secrets.Any(s => !string.IsNullOrEmpty(s) && full.Contains(s, StringComparison.Ordinal)) ? null : error;
        return new AdapterException(string.IsNullOrEmpty(prefix) ? line : $"{prefix}: {line}", detail, inner);
    }

    public static string Mask(string text, IEnumerable<string> secrets)
    {
        foreach (var s in secrets)
            if (!string.IsNullOrEmpty(s)) text = text.Replace(s, "*****", StringComparison.Ordinal);
        return text;
    }
}
