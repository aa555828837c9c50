namespace Slipway.Jinja;

/// <summary>Templates held in memory, by name.</summary>
public sealed class DictLoader(IDictionary<string, string> templates) : ITemplateLoader
{
    public IDictionary<string, string> Templates { get; } = templates;
    public string? GetSource(string name) => Templates.TryGetValue(name, out var s) ? s : null;
}
