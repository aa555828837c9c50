using System.Text.RegularExpressions;

namespace Slipway.Jinja.Tests.Conformance;

/// <summary>Every corpus fixture rendered by Slipway must equal Python Jinja2's stored output byte for byte.</summary>
public sealed partial class ConformanceTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var path in Fixture.All.Where(p => !CaseList.Skipped.ContainsKey(p) && !CaseList.EngineBugs.ContainsKey(p))) data.Add(path);
        return data;
    }

    /// <summary>The skipped cases and the open engine bugs: both must still differ from Jinja2.</summary>
    public static TheoryData<string, string> ExpectedDifferences()
    {
        var data = new TheoryData<string, string>();
        foreach (var path in CaseList.Skipped.Keys) data.Add("skip.txt", path);
        foreach (var path in CaseList.EngineBugs.Keys) data.Add("engine-bugs.txt", path);
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

    /// <summary>A listed case that starts matching Jinja2 must leave its list (and COMPATIBILITY.md or ENGINE-BUGS.md).</summary>
    [Theory]
    [MemberData(nameof(ExpectedDifferences))]
    public void Listed_difference_still_differs(string list, string path)
    {
        Assert.True(File.Exists(Fixture.FullPath(path, Fixture.Extension)), $"{list} names {path}, which is not in the corpus");
        var fixture = Fixture.Load(path);
        var document = list == "skip.txt" ? "COMPATIBILITY.md" : "ENGINE-BUGS.md";
        Assert.False(fixture.Compare(fixture.Render()) is null, $"{path} now matches Jinja2: remove it from {list} and {document}");
    }

    /// <summary>Every open engine bug the corpus expects to fail is described in ENGINE-BUGS.md.</summary>
    [Fact]
    public void Engine_bugs_are_described()
    {
        var document = File.ReadAllText(RepositoryRoot.Combine("ENGINE-BUGS.md"));
        var undescribed = CaseList.EngineBugs.Keys.Where(p => !document.Contains(p, StringComparison.Ordinal)
            && !document.Contains(p[(p.IndexOf('/') + 1)..], StringComparison.Ordinal)).ToList();
        Assert.True(undescribed.Count == 0, "engine-bugs.txt names cases ENGINE-BUGS.md does not mention: " + string.Join(", ", undescribed));
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
        // An object address in Jinja2's output (a generator's or bound method's repr) differs on every run.
        var unstable = Fixture.All.Where(p => File.ReadAllText(Fixture.FullPath(p, Fixture.ExpectedExtension)).Contains(" at 0x", StringComparison.Ordinal)).ToList();
        Assert.True(unstable.Count == 0, "expected output holds an object address: " + string.Join(", ", unstable));
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
