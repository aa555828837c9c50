using System.Text;
using System.Text.Json;
using Slipway.Jinja.Tests.Conformance;
using Xunit.Abstractions;

namespace Slipway.Jinja.Tests.Differential;

/// <summary>
/// Thousands of random templates rendered by Slipway and by Python's Jinja2 in one run: the outputs must be
/// identical, or both renderings must fail with the same exception class.
/// </summary>
public sealed class DifferentialTests(ITestOutputHelper log)
{
    private const int Seed = 20261127;
    private const int TemplateCount = 2500;
    private static readonly int ShownDifferences =
        int.TryParse(Environment.GetEnvironmentVariable("SLIPWAY_JINJA_DIFF_SHOW"), out var shown) ? shown : 12;

    [Fact]
    public void Random_templates_render_like_Jinja2()
    {
        var generator = new TemplateGenerator(Seed);
        using var contextDocument = JsonDocument.Parse(TemplateGenerator.ContextJson);
        var cases = Enumerable.Range(0, TemplateCount)
            .Select(i => generator.Next() is var (template, templates)
                ? new PythonReference.Case($"t{i:D4}", template, contextDocument.RootElement, templates)
                : throw new InvalidOperationException())
            .ToList();
        var expected = PythonReference.RenderAll(cases);
        Assert.Equal(cases.Count, expected.Count);

        var (context, _) = JsonContext.Read(TemplateGenerator.ContextJson);
        var differences = new List<string>();
        var categories = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var bothFailed = 0;
        for (var i = 0; i < cases.Count; i++)
        {
            var reference = expected[i];
            var actual = TemplateRunner.Render(cases[i].Template, new Dictionary<string, object?>(context), cases[i].Templates);
            var category = Classify(reference, actual);
            if (category is null)
            {
                if (!reference.Ok) bothFailed++;
                continue;
            }
            categories[category] = categories.GetValueOrDefault(category) + 1;
            if (differences.Count < ShownDifferences) differences.Add(Describe(cases[i], reference, actual));
        }

        log.WriteLine($"{cases.Count} templates (seed {Seed}), {bothFailed} failed on both sides, {categories.Values.Sum()} differ");
        if (categories.Count == 0) return;
        var report = new StringBuilder()
            .AppendLine($"{categories.Values.Sum()} of {cases.Count} random templates differ from Jinja2 (seed {Seed}):")
            .AppendLine(string.Join("\n", categories.Select(c => $"  {c.Value,5}  {c.Key}")))
            .AppendLine($"first {differences.Count}:")
            .AppendJoin("\n", differences);
        Assert.Fail(report.ToString());
    }

    /// <summary>Null when the renderings agree, else a short category for the summary.</summary>
    private static string? Classify(PythonReference.Result reference, RenderOutcome actual)
    {
        if (reference.Ok && !actual.Failed) return actual.Output == reference.Output ? null : "different output";
        if (reference.Ok) return $"Slipway fails ({actual.Kind}), Jinja2 renders";
        if (!actual.Failed) return $"Jinja2 fails ({reference.Kind}), Slipway renders";
        return actual.Kind == reference.Kind ? null : $"error kind {actual.Kind} instead of {reference.Kind}";
    }

    private static string Describe(PythonReference.Case c, PythonReference.Result reference, RenderOutcome actual)
    {
        var want = reference.Ok ? $"«{reference.Output}»" : $"!error {reference.Kind} line {reference.Line}: {reference.Message}";
        var got = actual.Failed ? $"!error {actual.Kind} line {actual.Line}: {actual.Description}" : $"«{actual.Output}»";
        var extra = string.Concat(c.Templates.Select(t => $"\n{t.Key}: {t.Value}"));
        return $"--- {c.Id}\ntemplate: {c.Template}{extra}\njinja2:   {want}\nslipway:  {got}\n";
    }
}
