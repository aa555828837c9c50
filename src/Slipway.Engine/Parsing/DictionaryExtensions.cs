namespace Slipway.Engine.Parsing;

/// <summary>
/// <c>GetValueOrDefault</c> for the dictionary types used with plain YAML data: OrderedDictionary and Dictionary
/// implement both dictionary interfaces, which makes the framework's extension ambiguous.
/// </summary>
internal static class DictionaryExtensions
{
    public static TValue? GetValueOrDefault<TKey, TValue>(this OrderedDictionary<TKey, TValue> d, TKey key) where TKey : notnull =>
        d.TryGetValue(key, out var v) ? v : default;

    public static TValue? GetValueOrDefault<TKey, TValue>(this Dictionary<TKey, TValue> d, TKey key) where TKey : notnull =>
        d.TryGetValue(key, out var v) ? v : default;

    public static TValue? GetValueOrDefault<TKey, TValue>(this IDictionary<TKey, TValue> d, TKey key) where TKey : notnull =>
        d.TryGetValue(key, out var v) ? v : default;
}
