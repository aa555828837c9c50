using Slipway.Engine.Graph.Selection;

namespace Slipway.Engine.Tests.Graph;

/// <summary>Selector wildcards behave as Python's fnmatch (expected values from fnmatch.fnmatchcase).</summary>
public class WildcardTests
{
    [Theory]
    [InlineData("stg_orders", "stg_*", true)]
    [InlineData("stg_orders", "stg_?rders", true)]
    [InlineData("a.b.c", "a.*", true)]
    [InlineData("a/b", "a*b", true)]
    [InlineData("abc", "[ab]bc", true)]
    [InlineData("cbc", "[!ab]bc", true)]
    [InlineData("abc", "[a-c]b[c]", true)]
    [InlineData("a[c", "a[c", true)]
    [InlineData("a]c", "a]c", true)]
    [InlineData("x", "[]x]", true)]
    [InlineData("]", "[]]", true)]
    [InlineData("abc", "ABC", false)]
    [InlineData("a.b", "a?b", true)]
    [InlineData("", "*", true)]
    [InlineData("abc", "ab", false)]
    [InlineData("a-b", "a[--]b", true)]
    [InlineData("a\\b", "a\\b", true)]
    [InlineData("^x", "[^]x", true)]
    public void Matches_like_fnmatch(string text, string pattern, bool expected) =>
        Assert.Equal(expected, Wildcard.IsMatch(text, pattern));
}
