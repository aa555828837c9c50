namespace Slipway.Jinja.Tests.Conformance;

/// <summary>What rendering produced: the text, or an error as Jinja2 names it (class, template line, message).</summary>
internal sealed record RenderOutcome(string? Output, string? Kind, int Line, string? Description)
{
    public bool Failed => Kind is not null;

    public static RenderOutcome Ok(string output) => new(output, null, 0, null);

    public static RenderOutcome Error(string kind, int line, string description) => new(null, kind, line, description);

    /// <summary>The stored form of an expected file: the output, or "!error Kind line N\nmessage".</summary>
    public static RenderOutcome ParseExpected(string text)
    {
        if (!text.StartsWith("!error ", StringComparison.Ordinal)) return Ok(text);
        var newline = text.IndexOf('\n');
        var header = (newline < 0 ? text : text[..newline]).Split(' ');
        var message = newline < 0 ? "" : text[(newline + 1)..];
        return Error(header[1], int.Parse(header[3], System.Globalization.CultureInfo.InvariantCulture), message);
    }

    public override string ToString() => Failed ? $"!error {Kind} line {Line}\n{Description}" : Output ?? "";
}
