namespace Slipway.Jinja.Tests.Conformance;

/// <summary>The corpus cases Slipway differs on deliberately (<c>corpus/skip.txt</c>: "path  reason" per line).</summary>
internal static class SkipList
{
    public static IReadOnlyDictionary<string, string> Entries { get; } = Read();

    private static Dictionary<string, string> Read()
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(System.IO.Path.Combine(Fixture.CorpusDirectory, "skip.txt")))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var split = line.IndexOfAny([' ', '\t']);
            if (split < 0) throw new InvalidDataException($"skip.txt: '{line}' gives no reason");
            entries.Add(line[..split], line[split..].Trim());
        }
        return entries;
    }
}
