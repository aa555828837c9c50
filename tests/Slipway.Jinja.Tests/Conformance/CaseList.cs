namespace Slipway.Jinja.Tests.Conformance;

/// <summary>
/// A list of corpus cases with a reason each ("path  reason" per line, '#' comments), kept in the corpus folder:
/// <c>skip.txt</c> (cases Slipway does not match on purpose) and <c>message-differs.txt</c> (error cases whose
/// class and line must match but whose message is Jinja2-internal, e.g. names its Python functions).
/// </summary>
internal static class CaseList
{
    public static IReadOnlyDictionary<string, string> Skipped { get; } = Read("skip.txt");

    public static IReadOnlyDictionary<string, string> MessageDiffers { get; } = Read("message-differs.txt");

    private static Dictionary<string, string> Read(string file)
    {
        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in File.ReadAllLines(System.IO.Path.Combine(Fixture.CorpusDirectory, file)))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var split = line.IndexOfAny([' ', '\t']);
            if (split < 0) throw new InvalidDataException($"{file}: '{line}' gives no reason");
            entries.Add(line[..split], line[split..].Trim());
        }
        return entries;
    }
}
