using System.Text.RegularExpressions;

namespace Slipway.Jinja.Tests.Conformance;

/// <summary>Every corpus fixture rendered by Slipway must equal Python Jinja2's stored output byte for byte.</summary>
public sealed partial class ConformanceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Fixture.All.Where(p => !SkipList.Entries.ContainsKey(p))) data.Add(path);
        return data;
    }

    public static TheoryData<string> SkippedCases()
    {
        var data = new TheoryData<string>();
        foreach (var path in SkipList.Entries.Keys) data.Add(path);
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

    /// <summary>COMPATIBILITY.md lists exactly the skipped cases, so every difference from Jinja2 is documented.</summary>
    [Fact]
    public void Compatibility_document_lists_the_skipped_cases()
    {
        var document = File.ReadAllText(RepositoryRoot.Combine("COMPATIBILITY.md"));
        var section = SkippedSection().Match(document);
        Assert.True(section.Success, "COMPATIBILITY.md has no '### Skipped conformance cases' section");
        var listed = ListedCase().Matches(section.Groups["body"].Value).Select(m => m.Groups["path"].Value).ToHashSet(StringComparer.Ordinal);
        var skipped = SkipList.Entries.Keys.ToHashSet(StringComparer.Ordinal);
        Assert.True(listed.SetEquals(skipped),
            $"skip.txt only: [{string.Join(", ", skipped.Except(listed))}]; COMPATIBILITY.md only: [{string.Join(", ", listed.Except(skipped))}]");
    }

    [GeneratedRegex(@"^### Skipped conformance cases\s*$(?<body>.*?)(?=^#{1,3} |\z)", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex SkippedSection();

    [GeneratedRegex(@"^\s*[-*]\s+`(?<path>[a-z_]+/[A-Za-z0-9_]+)`", RegexOptions.Multiline)]
    private static partial Regex ListedCase();
}
