namespace Slipway.Jinja;

/// <summary>A compiled template. SKELETON: the Runtime author completes it.</summary>
public sealed class Template
{
    internal Template(JinjaEnvironment environment, string source, string? name)
    {
        Environment = environment;
        Source = source;
        Name = name;
    }

    public JinjaEnvironment Environment { get; }
    public string Source { get; }
    public string? Name { get; }

    public string Render(IDictionary<string, object?>? context = null) => throw new NotImplementedException();
}
