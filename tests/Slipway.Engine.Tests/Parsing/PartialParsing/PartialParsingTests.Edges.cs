using System.Text.Json.Nodes;
using Slipway.Engine.Parsing;
using Slipway.Engine.Parsing.PartialParsing;

namespace Slipway.Engine.Tests.Parsing.PartialParsing;

/// <summary>
/// A re-parsed file that only replaces its nodes has the parent/child maps patched instead of rebuilt, and the cycle
/// check runs only when its refs changed: the maps must still be a full parse's, and a new cycle still an error.
/// </summary>
public sealed partial class PartialParsingTests
{
    private static List<string> Map(JsonNode m, string map, string id) =>
        m[map]![id]!.AsArray().Select(n => n!.GetValue<string>()).ToList();

    /// <summary>Writes one model file and parses again, which must take the partial path; the manifest.json it writes.</summary>
    private JsonNode Reparse(string path, string text)
    {
        Write(path, text);
        var (outcome, manifest, _) = Parse();
        Assert.Equal(PartialParser.Outcome.Partial, outcome);
        return manifest;
    }

    [Fact]
    public void An_edit_that_keeps_the_refs_keeps_the_parent_and_child_maps()
    {
        Parse();
        var partial = Reparse("models/orders.sql", "select id, {{ cents('amount') }} as dollars, 1 as version from {{ ref('stg_orders') }}\n");
        Assert.Equal(["model.shop.stg_orders"], Map(partial, "parent_map", "model.shop.orders"));
        Assert.Equal(["model.shop.rated"], Map(partial, "child_map", "model.shop.orders"));
        Assert.Equal(Comparable(FullParse()), Comparable(partial));
    }

    [Fact]
    public void Refs_an_edit_adds_and_removes_move_between_the_child_lists_in_sorted_order()
    {
        Parse();
        // rated: orders → raw_orders and stg_orders; raw_orders' children become rated before stg_orders (sorted).
        var partial = Reparse("models/rated.sql", "select id from {{ ref('stg_orders') }} join {{ ref('raw_orders') }} using (id)\n");
        Assert.Equal(["model.shop.raw_orders", "model.shop.stg_orders"], Map(partial, "parent_map", "model.shop.rated"));
        Assert.Equal(["model.shop.rated", "model.shop.stg_orders"], Map(partial, "child_map", "model.shop.raw_orders"));
        Assert.Empty(Map(partial, "child_map", "model.shop.orders"));
        Assert.Contains("model.shop.rated", Map(partial, "child_map", "model.shop.stg_orders"));
        Assert.Equal(Comparable(FullParse()), Comparable(partial));
        // And back: the patched maps of the cache written after the first edit are patched again.
        var reverted = Reparse("models/rated.sql", "select id from {{ ref('orders') }}\n");
        Assert.Equal(["model.shop.rated"], Map(reverted, "child_map", "model.shop.orders"));
        Assert.Equal(Comparable(FullParse()), Comparable(reverted));
    }

    [Fact]
    public void An_edit_that_closes_a_cycle_is_the_error_a_full_parse_gives()
    {
        Parse();
        Write("models/raw_orders.sql", "select * from {{ ref('rated') }}\n");
        var partial = Assert.Throws<ManifestException>(() => Parse());
        var full = Assert.Throws<ManifestException>(() => Parse(new() { ["partial_parse"] = false }, target: "target-full"));
        Assert.StartsWith("Found a cycle: ", partial.Message);
        Assert.Equal(full.Message, partial.Message);
        // Undone, the cache from before the edit serves again.
        Write("models/raw_orders.sql", "select 1 as id, 250 as amount\n");
        Assert.Equal(PartialParser.Outcome.Unchanged, Parse().Outcome);
    }
}
