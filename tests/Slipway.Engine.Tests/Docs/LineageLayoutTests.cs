using Slipway.Engine.Docs;

namespace Slipway.Engine.Tests.Docs;

/// <summary>The layered layout: longest-path layers and barycenter ordering (expected values worked out by hand).</summary>
public sealed class LineageLayoutTests
{
    [Fact]
    public void A_node_sits_one_layer_right_of_its_deepest_parent()
    {
        var parents = new Dictionary<string, List<string>>
        {
            ["b"] = ["a"], ["c"] = ["b"], ["d"] = ["a", "c"], ["e"] = [],
        };
        var layout = LineageLayout.Compute(["a", "b", "c", "d", "e"], parents);
        Assert.Equal(0, layout["a"].Layer);
        Assert.Equal(1, layout["b"].Layer);
        Assert.Equal(2, layout["c"].Layer);
        Assert.Equal(3, layout["d"].Layer); // the long edge a→d does not pull d left
        Assert.Equal(0, layout["e"].Layer);
    }

    [Fact]
    public void Barycenter_sweeps_untangle_crossing_edges()
    {
        // In name order the edges p1→z and p2→y cross twice; ordering children by their parent's position removes it.
        var parents = new Dictionary<string, List<string>>
        {
            ["x"] = ["p3"], ["y"] = ["p2"], ["z"] = ["p1"],
        };
        var layout = LineageLayout.Compute(["p1", "p2", "p3", "x", "y", "z"], parents);
        Assert.Equal(0, LineageLayout.Crossings(layout, parents));
        Assert.Equal(["z", "y", "x"], new[] { "x", "y", "z" }.OrderBy(n => layout[n].Order));
        var naive = new Dictionary<string, (int Layer, int Order)>
        {
            ["p1"] = (0, 0), ["p2"] = (0, 1), ["p3"] = (0, 2), ["x"] = (1, 0), ["y"] = (1, 1), ["z"] = (1, 2),
        };
        Assert.Equal(3, LineageLayout.Crossings(naive, parents));
    }

    [Fact]
    public void Ten_thousand_nodes_are_laid_out_quickly()
    {
        var ids = Enumerable.Range(0, 10_000).Select(i => $"n{i:D5}").ToList();
        var parents = new Dictionary<string, List<string>>();
        var random = new Random(7);
        for (var i = 1; i < ids.Count; i++) parents[ids[i]] = [ids[random.Next(Math.Max(0, i - 200), i)], ids[random.Next(0, i)]];
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var layout = LineageLayout.Compute(ids, parents);
        Assert.Equal(10_000, layout.Count);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"layout took {watch.Elapsed}");
        foreach (var (child, ps) in parents)
            foreach (var p in ps) Assert.True(layout[p].Layer < layout[child].Layer);
    }
}
