namespace Slipway.Jinja.Tests.Syntax;

/// <summary>Whitespace control (-, +, trim_blocks, lstrip_blocks, trailing newline) against Jinja2 on generated templates.</summary>
public class WhitespaceTests
{
    public static TheoryData<int> Combinations => new() { 0, 1, 2, 3, 4, 5, 6, 7 };

    [Theory]
    [MemberData(nameof(Combinations))]
    public void Output_matches_Jinja2(int combination)
    {
        var env = new JinjaEnvironment(new JinjaOptions
        {
            TrimBlocks = (combination & 4) != 0,
            LStripBlocks = (combination & 2) != 0,
            KeepTrailingNewline = (combination & 1) != 0,
        });
        var failures = new List<string>();
        for (var i = 0; i < WhitespaceCases.Sources.Length; i++)
        {
            string actual;
            try { actual = env.FromString(WhitespaceCases.Sources[i]).Render(new Dictionary<string, object?>()); }
            catch (TemplateError e) { actual = "!" + e.Description; }
            if (actual != WhitespaceCases.Outputs[combination][i])
                failures.Add($"{WhitespaceCases.Sources[i]} => {actual} (expected {WhitespaceCases.Outputs[combination][i]})");
        }
        Assert.Empty(failures);
    }
}
