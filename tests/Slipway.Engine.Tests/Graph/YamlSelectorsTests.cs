using Slipway.Engine.Graph.Selection;
using Slipway.Engine.Project;
using static Slipway.Engine.Tests.Graph.ShopGraph;

namespace Slipway.Engine.Tests.Graph;

/// <summary>selectors.yml definitions (dbt's YAML selectors docs) evaluated over the shop graph.</summary>
public class YamlSelectorsTests
{
    private static readonly IReadOnlyList<SelectorEntry> Entries =
    [
        new("staging_text", null, false, new SelectorText("tag:staging")),
        new("upstream_of_orders", null, false, new SelectorText("+orders")),
        new("nightly_tables", null, false, new SelectorIntersection(
        [
            new SelectorMethod("tag", "nightly"),
            new SelectorMethod("config.materialized", "table"),
        ])),
        new("staging_but_orders", null, false, new SelectorUnion(
        [
            new SelectorMethod("path", "models/staging"),
            new SelectorExclude([new SelectorMethod("fqn", "stg_orders"), new SelectorMethod("source", "raw")]),
        ])),
        new("parents_of_orders", null, false, new SelectorMethod("fqn", "orders", Parents: true, ParentsDepth: 1, IndirectSelection: "empty")),
        new("children_of_customers", null, true, new SelectorMethod("fqn", "stg_customers", Children: true, ChildrenDepth: 1, IndirectSelection: "empty",
            Exclude: new SelectorUnion([new SelectorMethod("fqn", "dim_customers")]))),
        new("reuse", null, false, new SelectorUnion([new SelectorMethod("selector", "staging_text"), new SelectorMethod("exposure", "*")])),
    ];

    private static string[] Run(string? selector, string[]? select = null, string[]? exclude = null) =>
        [.. NodeSelector.Select(ShopGraph.Build(), YamlSelectors.Resolve(select, exclude, selector, Entries)).Selected.Order(StringComparer.Ordinal)];

    [Fact]
    public void String_definitions_are_one_cli_style_atom()
    {
        Assert.Equal(Ids(StgOrders, StgCustomers, Relationships), Run("staging_text"));
        Assert.Equal(Ids(Orders, StgOrders, StgCustomers, RawOrders, Customers, NotNull, Relationships, Singular, UnitTest), Run("upstream_of_orders"));
    }

    [Fact]
    public void Intersection_union_and_exclude()
    {
        Assert.Equal(Ids(Orders, NotNull, Relationships, Singular, UnitTest), Run("nightly_tables"));
        Assert.Equal(Ids(StgCustomers, Relationships), Run("staging_but_orders"));
    }

    [Fact]
    public void Method_dicts_take_depths_indirect_selection_and_exclude()
    {
        Assert.Equal(Ids(Orders, StgOrders, StgCustomers), Run("parents_of_orders"));
        Assert.Equal(Ids(StgCustomers, Orders, Legacy, Relationships), Run("children_of_customers"));
    }

    [Fact]
    public void A_selector_can_reuse_an_earlier_one() =>
        Assert.Equal(Ids(StgOrders, StgCustomers, Relationships, Exposure), Run("reuse"));

    [Fact]
    public void The_default_selector_applies_only_when_nothing_is_selected()
    {
        Assert.Equal(Run("children_of_customers"), Run(null));
        Assert.Equal(Ids(StgOrders), Run(null, select: ["stg_orders"]));
        Assert.DoesNotContain(Customers, Run(null, exclude: ["source:*"]));
        Assert.Contains(RawOrders, Run(null, exclude: ["source:*"]));
    }

    [Fact]
    public void Unknown_selector_names_and_references_are_clear_errors()
    {
        var unknown = Assert.Throws<SelectorException>(() => Run("nope"));
        Assert.StartsWith("Could not find selector named nope, expected one of ['staging_text',", unknown.Message);
        var forward = Assert.Throws<SelectorException>(() => YamlSelectors.Parse(
            [new SelectorEntry("a", null, false, new SelectorMethod("selector", "b")), new SelectorEntry("b", null, false, new SelectorText("x"))]));
        Assert.Equal("Could not read selector file data: selector 'a': Existing selector definition for b not found.", forward.Message);
        var badMethod = Assert.Throws<SelectorException>(() => YamlSelectors.Parse([new SelectorEntry("a", null, false, new SelectorMethod("color", "red"))]));
        Assert.Equal("Could not read selector file data: selector 'a': 'color' is not a valid method name", badMethod.Message);
    }

    [Fact]
    public void Selectors_read_from_a_selectors_yml_file()
    {
        var dir = Directory.CreateTempSubdirectory("slipway-selectors-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "selectors.yml"), """
                selectors:
                  - name: marts_tables
                    definition:
                      union:
                        - method: config.materialized
                          value: table
                          indirect_selection: empty
                        - tag: raw
                        - exclude:
                            - source:*
                """);
            var entries = SelectorsFile.Read(dir);
            var spec = YamlSelectors.Resolve(null, null, "marts_tables", entries);
            Assert.Equal(Ids(Orders, RawOrders), NodeSelector.Select(ShopGraph.Build(), spec).Selected.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
