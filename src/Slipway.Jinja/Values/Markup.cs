namespace Slipway.Jinja.Values;

/// <summary>A string marked safe (Jinja2's <c>Markup</c>): produced by <c>safe</c>/<c>escape</c>, never escaped again.</summary>
public sealed class Markup(string value)
{
    public string Value { get; } = value;
    public override string ToString() => Value;
}
