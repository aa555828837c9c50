using System.Text.RegularExpressions;

namespace Slipway.Jinja.Tests.Conformance;

/// <summary>Every corpus fixture rendered by Slipway must equal Python Jinja2's stored output byte for byte.</summary>
public sealed partial class ConformanceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Fixture.All.Where(p => !CaseList.Skipped.ContainsKey(p))) data.Add(path);
        return data;
    }

    public static TheoryData<string> SkippedCases()
    {
        var data = new TheoryData<string>();
        foreach (var path in CaseList.Skipped.Keys) data.Add(path);
        if (data.Count == 0) data.Add("");
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Renders_like_Jinja2(string path)
    {
        var fixture = Fixture.Load(path);
        var difference = fixture.Compare(fixture.Render());
        Assert.True(difference is null, difference);
    }

    /// <summary>A skipped case that starts passing must leave the skip list (and COMPATIBILITY.md).</summary>
    [Theory]
    [MemberData(nameof(SkippedCases))]
    public void Skipped_case_still_differs(string path)
    {
        if (path.Length == 0) return; // empty skip list: nothing to check
        Assert.True(File.Exists(Fixture.FullPath(path, Fixture.Extension)), $"skip.txt names {path}, which is not in the corpus");
        var fixture = Fixture.Load(path);
        Assert.False(fixture.Compare(fixture.Render()) is null, $"{path} now matches Jinja2: remove it from skip.txt and COMPATIBILITY.md");
    }

    [Fact]
    public void Corpus_is_complete()
    {
        var groups = Fixture.All.GroupBy(p => p[..p.IndexOf('/')]).ToDictionary(g => g.Key, g => g.Count());
        Assert.True(Fixture.All.Count >= 800, $"only {Fixture.All.Count} fixtures");
        foreach (var group in new[] { "statements", "expressions", "filters", "tests", "whitespace", "macros", "errors", "inheritance" })
            Assert.True(groups.GetValueOrDefault(group) > 0, $"no fixtures in {group}/");
        var missing = Fixture.All.Where(p => !File.Exists(Fixture.FullPath(p, Fixture.ExpectedExtension))).ToList();
        Assert.True(missing.Count == 0, "no .expected file (run tools/jinja-reference/generate.py): " + string.Join(", ", missing));
    }

    /// <summary>COMPATIBILITY.md lists exactly the skipped cases and the cases whose message is not compared.</summary>
    [Theory]
    [InlineData("Skipped conformance cases", "skip.txt")]
    [InlineData("Error messages not compared", "message-differs.txt")]
    public void Compatibility_document_lists_the_case_lists(string heading, string file)
    {
        var document = File.ReadAllText(RepositoryRoot.Combine("COMPATIBILITY.md"));
        var section = new Regex($@"^### {heading}\s*$(?<body>.*?)(?=^#{{1,3}} |\z)", RegexOptions.Multiline | RegexOptions.Singleline).Match(document);
        Assert.True(section.Success, $"COMPATIBILITY.md has no '### {heading}' section");
        var listed = ListedCase().Matches(section.Groups["body"].Value).Select(m => m.Groups["path"].Value).ToHashSet(StringComparer.Ordinal);
        var entries = (file == "skip.txt" ? CaseList.Skipped : CaseList.MessageDiffers).Keys.ToHashSet(StringComparer.Ordinal);
        Assert.True(listed.SetEquals(entries),
            $"{file} only: [{string.Join(", ", entries.Except(listed))}]; COMPATIBILITY.md only: [{string.Join(", ", listed.Except(entries))}]");
        foreach (var path in entries)
        {
            Assert.True(File.Exists(Fixture.FullPath(path, Fixture.Extension)), $"{file} names {path}, which is not in the corpus");
            if (file == "message-differs.txt") Assert.True(Fixture.Load(path).Expected.Failed, $"{path} is not an error case");
        }
    }

    [GeneratedRegex(@"^\s*[-*]\s+`(?<path>[a-z_]+/[A-Za-z0-9_]+)`", RegexOptions.Multiline)]
    private static partial Regex ListedCase();
}
