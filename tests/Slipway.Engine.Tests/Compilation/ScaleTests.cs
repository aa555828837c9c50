using System.Diagnostics;
using Slipway.Engine.Compilation;
using Slipway.Engine.Parsing;
using Slipway.Engine.Project;
using Slipway.Engine.Tests.Parsing;

namespace Slipway.Engine.Tests.Compilation;

/// <summary>
/// Guards against accidental quadratic work: a generated 3,000-model project (refs, macros, tests) parses and
/// compiles well within a generous bound even on a busy 2-core machine, and the graph and context stay right.
/// </summary>
public sealed class ScaleTests
{
    [Fact]
    public void Three_thousand_models_parse_and_compile_quickly()
    {
        const int n = 3000;
        var dir = Directory.CreateTempSubdirectory("slipway-scale-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "dbt_project.yml"), "name: big\nprofile: big\nmodels:\n  big:\n    +materialized: table\n");
            Directory.CreateDirectory(Path.Combine(dir, "macros"));
            File.WriteAllText(Path.Combine(dir, "macros", "m.sql"), "{% macro cents(c) %}({{ c }} / 100.0){% endmacro %}");
            var yml = new System.Text.StringBuilder("version: 2\nmodels:\n");
            var random = new Random(7);
            for (var i = 0; i < n; i++)
            {
                var folder = Path.Combine(dir, "models", $"g{i / 100}");
                Directory.CreateDirectory(folder);
                var refs = i == 0 ? "" : string.Join(" join ", Enumerable.Range(0, Math.Min(i, 3)).Select(_ => $"{{{{ ref('m{random.Next(i)}') }}}}").Distinct());
                var body = i % 3 == 0
                    ? $"select {{{{ cents('amount') }}}} as amount{(refs.Length > 0 ? " from " + refs : "")}\n"
                    : $"select 1 as id{(refs.Length > 0 ? " from " + refs : "")}\n";
                File.WriteAllText(Path.Combine(folder, $"m{i}.sql"), body);
                yml.Append($"  - name: m{i}\n    columns:\n      - name: id\n        data_tests: [unique, not_null]\n");
            }
            File.WriteAllText(Path.Combine(dir, "models", "schema.yml"), yml.ToString());

            var clock = Stopwatch.StartNew();
            var parse = ManifestLoader.Load(new ParseRequest { Root = DbtProjectLoader.Load(dir, null), Target = FixtureLoader.DuckDbTarget() });
            new Compiler(parse).Compile(parse.Manifest.Nodes.Values.ToList());
            clock.Stop();

            Assert.Equal(3 * n, parse.Manifest.Nodes.Count);
            Assert.All(parse.Manifest.Nodes.Values, node => Assert.True(node.Compiled, node.UniqueId));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"parse + compile of {n} models took {clock.Elapsed}");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
