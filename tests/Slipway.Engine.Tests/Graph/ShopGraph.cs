using Slipway.Engine.Graph;
using Slipway.Engine.Graph.Selection;

namespace Slipway.Engine.Tests.Graph;

/// <summary>
/// A small project written for these tests: seeds → staging → marts, with data tests, a unit test, an exposure,
/// a metric, a versioned model, a second package, a disabled and an empty model.
/// </summary>
internal static class ShopGraph
{
    public static GraphMember Model(
        string name,
        string folder,
        string[]? dependsOn = null,
        string[]? tags = null,
        Dictionary<string, object?>? config = null,
        string package = "shop",
        string? version = null,
        string? latestVersion = null,
        string access = "protected",
        bool enabled = true,
        bool empty = false,
        string? patchPath = null) => new()
    {
        UniqueId = $"model.{package}.{name}" + (version is null ? "" : ".v" + version),
        ResourceType = "model",
        Collection = MemberCollection.Node,
        Name = name,
        PackageName = package,
        Fqn = [package, .. folder.Split('/'), name, .. (version is null ? Array.Empty<string>() : ["v" + version])],
        OriginalFilePath = $"models/{folder}/{name}" + (version is null ? "" : "_v" + version) + ".sql",
        PatchPath = patchPath,
        Tags = tags ?? [],
        Config = config ?? new Dictionary<string, object?> { ["materialized"] = "view", ["enabled"] = enabled },
        Access = access,
        Group = config?.GetValueOrDefault("group") as string,
        Version = version,
        LatestVersion = latestVersion,
        DependsOnNodes = dependsOn ?? [],
        Enabled = enabled,
        IsEmpty = empty,
    };

    public static GraphMember Test(string id, string? testName, string file, params string[] dependsOn) => new()
    {
        UniqueId = id,
        ResourceType = "test",
        Collection = MemberCollection.Node,
        Name = id.Split('.')[2],
        PackageName = "shop",
        Fqn = ["shop", .. Path.GetDirectoryName(file)!.Split('/').Skip(1), id.Split('.')[2]],
        OriginalFilePath = file,
        TestMetadataName = testName,
        Config = new Dictionary<string, object?> { ["severity"] = testName == "relationships" ? "warn" : "ERROR" },
        DependsOnNodes = dependsOn,
    };

    public static List<GraphMember> Members() =>
    [
        new()
        {
            UniqueId = "seed.shop.raw_orders", ResourceType = "seed", Collection = MemberCollection.Node, Name = "raw_orders",
            PackageName = "shop", Fqn = ["shop", "raw_orders"], OriginalFilePath = "seeds/raw_orders.csv",
            Config = new Dictionary<string, object?> { ["materialized"] = "seed" }, Tags = ["raw"],
        },
        new()
        {
            UniqueId = "source.shop.raw.customers", ResourceType = "source", Collection = MemberCollection.Source, Name = "customers",
            SourceName = "raw", PackageName = "shop", Fqn = ["shop", "staging", "raw", "customers"],
            OriginalFilePath = "models/staging/sources.yml", Tags = ["raw"],
        },
        Model("stg_orders", "staging", ["seed.shop.raw_orders"], ["staging", "nightly"]),
        Model("stg_customers", "staging", ["source.shop.raw.customers"], ["staging"], patchPath: "models/staging/schema.yml"),
        Model("orders", "marts", ["model.shop.stg_orders", "model.shop.stg_customers"], ["nightly", "finance_core"], new Dictionary<string, object?>
        {
            ["materialized"] = "table",
            ["group"] = "finance",
            ["meta"] = new Dictionary<string, object?> { ["owner"] = "alice" },
            ["tags"] = new List<object?> { "nightly", "finance_core" },
            ["contract"] = new Dictionary<string, object?> { ["enforced"] = true },
            ["persist_docs"] = new Dictionary<string, object?> { ["relation"] = true },
        }, access: "public", patchPath: "models/marts/schema.yml"),
        Model("dim_customers", "marts", ["model.shop.stg_customers"], version: "1", latestVersion: "1"),
        Model("dim_customers", "marts", ["model.shop.stg_customers"], version: "2", latestVersion: "1"),
        Model("legacy_customers", "marts", ["model.shop.stg_customers"], version: "0", latestVersion: "1"),
        Model("old_orders", "marts", ["model.shop.stg_orders"], enabled: false),
        Model("placeholder", "marts", empty: true),
        Model("date_spine", "helpers", package: "utils"),
        Test("test.shop.not_null_orders_id.1a2b3c4d5e", "not_null", "models/marts/schema.yml", "model.shop.orders"),
        Test("test.shop.relationships_orders_customer_id__id__ref_stg_customers_.0f9e8d7c6b", "relationships", "models/marts/schema.yml",
            "model.shop.orders", "model.shop.stg_customers"),
        Test("test.shop.assert_positive_totals", null, "tests/assert_positive_totals.sql", "model.shop.orders"),
        new()
        {
            UniqueId = "unit_test.shop.orders.test_order_totals", ResourceType = "unit_test", Collection = MemberCollection.UnitTest,
            Name = "test_order_totals", PackageName = "shop", Fqn = ["shop", "marts", "orders", "test_order_totals"],
            OriginalFilePath = "models/marts/schema.yml", DependsOnNodes = ["model.shop.orders"],
        },
        new()
        {
            UniqueId = "exposure.shop.weekly_report", ResourceType = "exposure", Collection = MemberCollection.Exposure,
            Name = "weekly_report", PackageName = "shop", Fqn = ["shop", "marts", "weekly_report"],
            OriginalFilePath = "models/marts/exposures.yml", DependsOnNodes = ["model.shop.orders"], Tags = ["finance_core"],
        },
        new()
        {
            UniqueId = "metric.shop.revenue", ResourceType = "metric", Collection = MemberCollection.Metric,
            Name = "revenue", PackageName = "shop", Fqn = ["shop", "marts", "revenue"], OriginalFilePath = "models/marts/metrics.yml",
            DependsOnNodes = ["model.shop.orders"], Group = "finance",
        },
        new()
        {
            UniqueId = "semantic_model.shop.orders_sm", ResourceType = "semantic_model", Collection = MemberCollection.SemanticModel,
            Name = "orders_sm", PackageName = "shop", Fqn = ["shop", "marts", "orders_sm"], OriginalFilePath = "models/marts/metrics.yml",
            DependsOnNodes = ["model.shop.orders"],
        },
        new()
        {
            UniqueId = "saved_query.shop.weekly_revenue", ResourceType = "saved_query", Collection = MemberCollection.SavedQuery,
            Name = "weekly_revenue", PackageName = "shop", Fqn = ["shop", "marts", "weekly_revenue"], OriginalFilePath = "models/marts/metrics.yml",
            DependsOnNodes = ["metric.shop.revenue"],
        },
    ];

    public static ManifestGraph Build() => new(Members()) { ProjectName = "shop" };

    /// <summary>Selects as `--select <paramref name="select"/> --exclude <paramref name="exclude"/>`, sorted.</summary>
    public static string[] Select(
        string? select,
        string? exclude = null,
        IndirectSelection mode = IndirectSelection.Eager,
        SelectionOptions? options = null,
        ManifestGraph? graph = null)
    {
        var spec = SelectionParser.ParseDifference(select is null ? null : [select], exclude is null ? null : [exclude], mode);
        return [.. NodeSelector.Select(graph ?? Build(), spec, options).Selected.Order(StringComparer.Ordinal)];
    }

    /// <summary>Selects with indirect selection off, so only the method and graph operators count.</summary>
    public static string[] Direct(string select) => Select(select, mode: IndirectSelection.Empty);

    public static string[] Ids(params string[] ids) => [.. ids.Order(StringComparer.Ordinal)];

    public const string Orders = "model.shop.orders";
    public const string StgOrders = "model.shop.stg_orders";
    public const string StgCustomers = "model.shop.stg_customers";
    public const string RawOrders = "seed.shop.raw_orders";
    public const string Customers = "source.shop.raw.customers";
    public const string DimV1 = "model.shop.dim_customers.v1";
    public const string DimV2 = "model.shop.dim_customers.v2";
    public const string Legacy = "model.shop.legacy_customers.v0";
    public const string DateSpine = "model.utils.date_spine";
    public const string NotNull = "test.shop.not_null_orders_id.1a2b3c4d5e";
    public const string Relationships = "test.shop.relationships_orders_customer_id__id__ref_stg_customers_.0f9e8d7c6b";
    public const string Singular = "test.shop.assert_positive_totals";
    public const string UnitTest = "unit_test.shop.orders.test_order_totals";
    public const string Exposure = "exposure.shop.weekly_report";
    public const string Metric = "metric.shop.revenue";
    public const string SemanticModel = "semantic_model.shop.orders_sm";
    public const string SavedQuery = "saved_query.shop.weekly_revenue";
}
