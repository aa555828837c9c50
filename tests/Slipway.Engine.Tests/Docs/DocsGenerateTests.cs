using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Slipway.Adapters.DuckDb;
using Slipway.Engine.Docs;

namespace Slipway.Engine.Tests.Docs;

/// <summary><c>docs generate</c>: catalog.json from DuckDB's information, the site files, --empty-catalog, --no-compile, --static.</summary>
public sealed class DocsGenerateTests
{
    private static JsonNode Catalog(ProjectRun project) => JsonNode.Parse(File.ReadAllText(Path.Combine(project.Root, "target", "catalog.json")))!;

    [Fact]
    public void Catalog_json_has_the_warehouse_columns_and_validates_against_v1()
    {
        using var project = DocsFixture.Create();
        var (code, output) = project.Run("docs generate");
        Assert.True(code == 0, output);
        var catalog = Catalog(project);
        var schema = JsonSchema.FromFile(TestPaths.ArtifactSchema("catalog_v1.json"));
        var result = schema.Evaluate(catalog, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));

        var stg = catalog["nodes"]!["model.fixture.stg_orders"]!;
        Assert.Equal("VIEW", stg["metadata"]!["type"]!.GetValue<string>());
        Assert.Equal(["order_id", "customer_id", "amount"], stg["columns"]!.AsObject().Select(c => c.Key));
        // Types as DuckDB names them (duckdb_columns().data_type).
        Assert.Equal("DECIMAL(10,2)", stg["columns"]!["amount"]!["type"]!.GetValue<string>());
        Assert.Equal(3, stg["columns"]!["amount"]!["index"]!.GetValue<int>());
        Assert.Equal("BASE TABLE", catalog["nodes"]!["model.fixture.customer_orders"]!["metadata"]!["type"]!.GetValue<string>());
        var customers = catalog["sources"]!["source.fixture.raw.customers"]!;
        Assert.Equal("Customers from the CRM", customers["metadata"]!["comment"]!.GetValue<string>());
        Assert.Equal("VARCHAR", customers["columns"]!["name"]!["type"]!.GetValue<string>());
        Assert.Contains("Catalog written to", output);
    }

    [Fact]
    public void The_catalog_is_read_with_one_query_per_schema()
    {
        using var project = DocsFixture.Create();
        project.Run("parse");
        var parse = Engine.Compilation.Commands.ProjectSession.Load(
            Engine.Project.RuntimeConfig.Load(new Engine.Project.Invocation("parse", new Dictionary<string, object?> { ["project_dir"] = project.Root, ["profiles_dir"] = project.Root }),
                new Engine.Project.EnvironmentVariables(new Dictionary<string, string>())));
        using var adapter = DuckDbAdapter.Create("dev", new Dictionary<string, object?> { ["path"] = project.DatabaseFile, ["schema"] = "main" }, project.Root);
        var catalog = Engine.Docs.Catalog.Query(parse.Manifest, adapter, CancellationToken.None);
        Assert.Equal(2, catalog.SchemaQueries); // main and raw, for 2 models and 2 sources
        Assert.Equal(4, catalog.Nodes.Count + catalog.Sources.Count);
    }

    [Fact]
    public void Empty_catalog_and_no_compile_write_the_site_without_querying()
    {
        using var project = DocsFixture.Create();
        Directory.Delete(Path.Combine(project.Root, "target"), true);
        var (code, output) = project.Run("docs generate", new Dictionary<string, object?> { ["empty_catalog"] = true, ["compile"] = false });
        Assert.True(code == 0, output);
        var catalog = Catalog(project);
        Assert.Empty(catalog["nodes"]!.AsObject());
        Assert.Empty(catalog["sources"]!.AsObject());
        Assert.False(Directory.Exists(Path.Combine(project.Root, "target", "compiled")));
        foreach (var file in new[] { "index.html", "slipway-docs.js", "slipway-docs.css", "slipway-docs-data.js", "manifest.json" })
            Assert.True(File.Exists(Path.Combine(project.Root, "target", file)), file);
    }

    [Fact]
    public void Site_data_has_rendered_descriptions_columns_tests_and_compiled_sql()
    {
        using var project = DocsFixture.Create();
        project.Run("docs generate");
        var text = File.ReadAllText(Path.Combine(project.Root, "target", "slipway-docs-data.js"));
        Assert.StartsWith("window.SLIPWAY_DOCS = ", text);
        Assert.DoesNotContain("</", text); // safe inside a script element
        using var doc = JsonDocument.Parse(text["window.SLIPWAY_DOCS = ".Length..].TrimEnd().TrimEnd(';'));
        var nodes = doc.RootElement.GetProperty("nodes").EnumerateArray().ToDictionary(n => n.GetProperty("id").GetString()!);
        var stg = nodes["model.fixture.stg_orders"];
        Assert.Equal("<p>Orders with <strong>renamed</strong> columns.</p>\n", stg.GetProperty("description").GetString());
        Assert.Contains("\"dev\".\"raw\".\"orders\"", stg.GetProperty("compiled").GetString());
        var orderId = stg.GetProperty("columns").EnumerateArray().First();
        Assert.Equal("order_id", orderId.GetProperty("name").GetString());
        Assert.Equal("INTEGER", orderId.GetProperty("type").GetString());
        Assert.Equal(["unique", "not_null"], orderId.GetProperty("tests").EnumerateArray().Select(t => t.GetString()).Order(StringComparer.Ordinal).Reverse());
        var count = nodes["model.fixture.customer_orders"].GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "order_count");
        Assert.Equal("<p>How many orders the customer <em>placed</em>.</p>\n", count.GetProperty("description").GetString());
        Assert.Equal("#c92a2a", nodes["model.fixture.customer_orders"].GetProperty("color").GetString());
        Assert.Contains("<h1", doc.RootElement.GetProperty("overview").GetString());
        Assert.Equal(["exposure.fixture.revenue_dashboard"], nodes["model.fixture.customer_orders"].GetProperty("children").EnumerateArray().Select(c => c.GetString()));
    }

    [Fact]
    public void Static_writes_one_self_contained_page()
    {
        using var project = DocsFixture.Create();
        var (code, output) = project.Run("docs generate", new Dictionary<string, object?> { ["static"] = true });
        Assert.True(code == 0, output);
        var html = File.ReadAllText(Path.Combine(project.Root, "target", "static_index.html"));
        Assert.DoesNotContain("<script src=", html);
        Assert.DoesNotContain("<link rel=\"stylesheet\"", html);
        Assert.Contains("window.SLIPWAY_DOCS = ", html);
        Assert.Contains("stg_orders", html);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", ""));
    }
}
