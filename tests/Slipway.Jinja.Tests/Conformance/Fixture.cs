namespace Slipway.Jinja.Tests.Conformance;

/// <summary>One corpus case: <c>&lt;path&gt;.jinja</c> (JSON context, '---', template) and <c>&lt;path&gt;.expected</c>.</summary>
internal sealed record Fixture(string Path, string Template, Dictionary<string, object?> Context, Dictionary<string, string> Templates, RenderOutcome Expected)
{
    public const string Extension = ".jinja";
    public const string ExpectedExtension = ".expected";
    private const string Separator = "\n---\n";

    public static string CorpusDirectory { get; } = RepositoryRoot.Combine("tests", "Slipway.Jinja.Tests", "Conformance", "corpus");

    /// <summary>Relative paths without extension, '/'-separated, sorted: "filters/abs_01".</summary>
    public static IReadOnlyList<string> All { get; } = Directory
        .EnumerateFiles(CorpusDirectory, "*" + Extension, SearchOption.AllDirectories)
        .Select(f => System.IO.Path.GetRelativePath(CorpusDirectory, f)[..^Extension.Length].Replace('\\', '/'))
        .Order(StringComparer.Ordinal)
        .ToList();

    public static Fixture Load(string path)
    {
        var text = File.ReadAllText(FullPath(path, Extension));
        string json, template;
        if (text.StartsWith("---\n", StringComparison.Ordinal))
        {
            (json, template) = ("", text[4..]);
        }
        else
        {
            var at = text.IndexOf(Separator, StringComparison.Ordinal);
            if (at < 0) throw new InvalidDataException($"{path}{Extension}: no '---' line between context and template");
            (json, template) = (text[..at], text[(at + Separator.Length)..]);
        }
        var (context, templates) = JsonContext.Read(json);
        var expectedFile = FullPath(path, ExpectedExtension);
        if (!File.Exists(expectedFile))
            throw new InvalidDataException($"{path}{ExpectedExtension} is missing: run python3 tools/jinja-reference/generate.py");
        return new Fixture(path, template, context, templates, RenderOutcome.ParseExpected(File.ReadAllText(expectedFile)));
    }

    public static string FullPath(string path, string extension) => System.IO.Path.Combine(CorpusDirectory, path + extension);

    public RenderOutcome Render() => TemplateRunner.Render(Template, Context, Templates);

    /// <summary>Null when <paramref name="actual"/> matches Jinja2, else a readable account of the difference.</summary>
    public string? Compare(RenderOutcome actual) => Compare(actual, compareMessage: !CaseList.MessageDiffers.ContainsKey(Path));

    public string? Compare(RenderOutcome actual, bool compareMessage)
    {
        if (!Expected.Failed)
        {
            if (!actual.Failed && actual.Output == Expected.Output) return null;
            return $"{Path}: expected output\n{Show(Expected.Output)}\nbut got\n{(actual.Failed ? actual.ToString() : Show(actual.Output))}\ntemplate:\n{Template}";
        }
        if (actual.Failed && actual.Kind == Expected.Kind && actual.Line == Expected.Line
            && (!compareMessage || actual.Description == Expected.Description)) return null;
        return $"{Path}: expected error\n{Expected}\nbut got\n{(actual.Failed ? actual.ToString() : "output " + Show(actual.Output))}\ntemplate:\n{Template}";
    }

    private static string Show(string? text) => "«" + text + "»";
}
