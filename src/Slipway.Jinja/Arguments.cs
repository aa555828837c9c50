namespace Slipway.Jinja;

/// <summary>The arguments of one call from a template: positional values then keyword values, as Python passes them.</summary>
public sealed class Arguments
{
    public static readonly Arguments Empty = new([], new Dictionary<string, object?>());

    public Arguments(IReadOnlyList<object?> positional, IReadOnlyDictionary<string, object?>? keyword = null)
    {
        Positional = positional;
        Keyword = keyword ?? Empty.Keyword;
    }

    public IReadOnlyList<object?> Positional { get; }
    public IReadOnlyDictionary<string, object?> Keyword { get; }

    public int Count => Positional.Count + Keyword.Count;

    /// <summary>Python-style binding: the argument at <paramref name="index"/> or named <paramref name="name"/>, else <paramref name="default"/>.</summary>
    public object? Get(int index, string name, object? @default = null)
    {
        if (index >= 0 && index < Positional.Count) return Positional[index];
        return Keyword.TryGetValue(name, out var v) ? v : @default;
    }

    /// <summary>True when the argument was passed at all (positionally or by name).</summary>
    public bool Has(int index, string name) =>
        (index >= 0 && index < Positional.Count) || Keyword.ContainsKey(name);
}
