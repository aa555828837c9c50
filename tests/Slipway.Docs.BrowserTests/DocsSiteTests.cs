using Microsoft.Playwright;

namespace Slipway.Docs.BrowserTests;

/// <summary>The generated documentation site in headless Chromium: model page, lineage graph, search, served over HTTP.</summary>
public sealed class DocsSiteTests(DocsSiteFixture site) : IClassFixture<DocsSiteFixture>
{
    private static string ResultsFolder()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Slipway.slnx"))) dir = dir.Parent;
        var folder = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, ".test-results", "docs-site");
        Directory.CreateDirectory(folder);
        return folder;
    }

    private async Task<IPage> Open(string hash)
    {
        var page = await site.Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 850 } });
        await page.GotoAsync(site.BaseUrl + "index.html" + hash);
        return page;
    }

    [Fact]
    public async Task A_model_page_shows_its_columns_with_types_and_its_compiled_sql()
    {
        var page = await Open("#!/model/model.shop.customer_orders");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("customer_orders");
        var rows = page.Locator("table.columns tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("tr[data-column=lifetime_value] td.type")).ToHaveTextAsync("DECIMAL(38,2)");
        await Assertions.Expect(page.Locator("tr[data-column=customer_id]")).ToContainTextAsync("not_null");
        await Assertions.Expect(page.Locator(".description strong").First).ToHaveTextAsync("order totals");
        await page.Locator(".code-tabs button[data-code=compiled]").ClickAsync();
        await Assertions.Expect(page.Locator("#code-compiled")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#code-compiled")).ToContainTextAsync("\"dev\".\"main\".\"stg_customers\"");
        await Assertions.Expect(page.Locator("#referenced-by")).ToContainTextAsync("revenue_dashboard");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_lineage_graph_draws_every_node_and_edge_and_focuses_with_selection_syntax()
    {
        var page = await Open("#!/lineage");
        var nodes = page.Locator("svg.lineage g.node");
        await Assertions.Expect(nodes).ToHaveCountAsync(6);
        var ids = await nodes.EvaluateAllAsync<string[]>("gs => gs.map(g => g.dataset.id).sort()");
        Assert.Equal(new[]
        {
            "exposure.shop.revenue_dashboard", "model.shop.customer_orders", "model.shop.stg_customers", "model.shop.stg_orders",
            "source.shop.raw.customers", "source.shop.raw.orders",
        }, ids);
        var edges = await page.Locator("svg.lineage path.edge").EvaluateAllAsync<string[]>("ps => ps.map(p => p.dataset.from + ' -> ' + p.dataset.to).sort()");
        Assert.Equal(new[]
        {
            "model.shop.customer_orders -> exposure.shop.revenue_dashboard",
            "model.shop.stg_customers -> model.shop.customer_orders",
            "model.shop.stg_orders -> model.shop.customer_orders",
            "source.shop.raw.customers -> model.shop.stg_customers",
            "source.shop.raw.orders -> model.shop.stg_orders",
        }, edges);
        // Sources sit left of the models that read them (layers run left to right).
        var sourceX = await page.Locator("g.node[data-id='source.shop.raw.orders'] rect").BoundingBoxAsync();
        var martX = await page.Locator("g.node[data-id='model.shop.customer_orders'] rect").BoundingBoxAsync();
        Assert.True(sourceX!.X < martX!.X);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ResultsFolder(), "lineage.png"), FullPage = true });

        await page.Locator("#lineage-select").FillAsync("+stg_orders");
        await page.Locator("#lineage-select").PressAsync("Enter");
        await Assertions.Expect(nodes).ToHaveCountAsync(2);
        await page.Locator("#lineage-select").FillAsync("stg_customers+");
        await page.Locator("#lineage-go").ClickAsync();
        await Assertions.Expect(nodes).ToHaveCountAsync(3);
        await page.Locator("#lineage-select").FillAsync("@stg_orders");
        await page.Locator("#lineage-go").ClickAsync();
        // stg_orders, its descendants and all their ancestors: every node except nothing… the whole graph here.
        await Assertions.Expect(nodes).ToHaveCountAsync(6);
        await page.Locator("g.node[data-id='model.shop.stg_orders']").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("stg_orders");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Search_finds_a_column_by_name()
    {
        var page = await Open("#!/overview");
        await page.Locator("#search").FillAsync("email_address");
        var results = page.Locator("#search-results li");
        await Assertions.Expect(results.First).ToBeVisibleAsync();
        // Column-name hits rank above hits in code (the setup macro's SQL mentions the column too).
        var ids = await results.EvaluateAllAsync<string[]>("ls => ls.map(l => l.dataset.id)");
        Assert.Equal(new[] { "model.shop.stg_customers", "source.shop.raw.customers" }, ids.Take(2).Order(StringComparer.Ordinal));
        Assert.Equal("macro.shop.setup", ids[2]);
        await Assertions.Expect(page.Locator("#search-results")).ToContainTextAsync("column email_address");
        await results.First.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("table.columns")).ToContainTextAsync("email_address");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_project_overview_and_trees_come_from_the_manifest()
    {
        var page = await Open("");
        await Assertions.Expect(page.Locator("#tree")).ToContainTextAsync("stg_orders");
        await page.Locator(".tabs button[data-tree=database]").ClickAsync();
        await Assertions.Expect(page.Locator("#tree summary", new PageLocatorOptions { HasText = "raw" })).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#tree")).ToContainTextAsync("customers");
        await page.CloseAsync();
    }
}
