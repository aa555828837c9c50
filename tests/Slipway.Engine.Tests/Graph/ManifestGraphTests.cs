using System.Diagnostics;
using Slipway.Engine.Graph;
using Slipway.Engine.Graph.Selection;
using static Slipway.Engine.Tests.Graph.ShopGraph;

namespace Slipway.Engine.Tests.Graph;

/// <summary>The DAG itself: maps, order, cycles, the ready queue, and selection speed on a large graph.</summary>
public class ManifestGraphTests
{
    private static GraphMember Node(string name, params string[] parents) => Model(name, "m", [.. parents.Select(p => "model.shop." + p)]);

    [Fact]
    public void Parent_and_child_maps_are_sorted_and_cover_every_member()
    {
        var graph = ShopGraph.Build();
        var parents = graph.ParentMap();
        var children = graph.ChildMap();
        Assert.Equal(graph.Count, parents.Count);
        Assert.Equal([StgCustomers, StgOrders], parents[Orders]);
        Assert.Equal([Exposure, Metric, SemanticModel, Singular, NotNull, Relationships, UnitTest], children[Orders]);
        Assert.Empty(parents[Customers]);
    }

    [Fact]
    public void Topological_order_puts_parents_first()
    {
        var order = ShopGraph.Build().TopologicalOrder().ToList();
        foreach (var (child, parents) in ShopGraph.Build().ParentMap())
        {
            foreach (var parent in parents)
            {
                Assert.True(order.IndexOf(parent) < order.IndexOf(child), $"{parent} should come before {child}");
            }
        }
    }

    [Fact]
    public void A_cycle_is_reported_as_dbt_prints_it()
    {
        var graph = new ManifestGraph([Node("a", "b"), Node("b", "a"), Node("c", "a")]);
        Assert.Equal("model.shop.a --> model.shop.b", graph.FindCycle());
        var error = Assert.Throws<GraphException>(graph.TopologicalOrder);
        Assert.Equal("Found a cycle: model.shop.a --> model.shop.b", error.Message);
        Assert.Equal("model.shop.x", new ManifestGraph([Node("x", "x")]).FindCycle());
        Assert.Null(ShopGraph.Build().FindCycle());
    }

    [Fact]
    public void A_dependency_outside_the_manifest_is_refused()
    {
        var error = Assert.Throws<GraphException>(() => new ManifestGraph([Node("a", "ghost")]));
        Assert.Equal("'model.shop.a' depends on 'model.shop.ghost' which is not in the graph!", error.Message);
    }

    [Fact]
    public void Ready_queue_releases_members_as_their_parents_finish()
    {
        // a → b → c, a → d; b is not selected, so c still waits for a through it.
        var graph = new ManifestGraph([Node("a"), Node("b", "a"), Node("c", "b"), Node("d", "a"), Node("e")]);
        var queue = new ReadyQueue(graph, ["model.shop.a", "model.shop.c", "model.shop.d", "model.shop.e"]);
        Assert.True(queue.TryDequeue(out var first));
        Assert.True(queue.TryDequeue(out var second));
        Assert.Equal(["model.shop.a", "model.shop.e"], new[] { first, second });
        Assert.False(queue.TryDequeue(out _));
        queue.MarkDone("model.shop.e");
        Assert.False(queue.TryDequeue(out _));
        queue.MarkDone("model.shop.a");
        Assert.True(queue.TryDequeue(out var third));
        Assert.True(queue.TryDequeue(out var fourth));
        Assert.Equal(["model.shop.c", "model.shop.d"], new[] { third, fourth });
        Assert.Equal(2, queue.Remaining);
        queue.MarkDone(third!);
        queue.MarkDone(fourth!);
        Assert.True(queue.IsFinished);
        Assert.Throws<InvalidOperationException>(() => queue.MarkDone("model.shop.a"));
    }

    [Fact]
    public void With_test_edges_a_node_waits_for_the_tests_on_what_it_is_built_from()
    {
        // a → b; b, c → d; c → e; not_null on a; relationships on a and c.
        var graph = new ManifestGraph(
        [
            Node("a"), Node("c"), Node("b", "a"), Node("d", "b", "c"), Node("e", "c"),
            Test("test.shop.not_null_a_id.1", "not_null", "models/m/schema.yml", "model.shop.a"),
            Test("test.shop.relationships_a_c.2", "relationships", "models/m/schema.yml", "model.shop.a", "model.shop.c"),
        ]);
        var queue = new ReadyQueue(graph, graph.UniqueIds, testEdges: true);
        var done = new List<string>();
        string Next()
        {
            Assert.True(queue.TryDequeue(out var id));
            return id;
        }
        void Finish(string id)
        {
            queue.MarkDone(id);
            done.Add(id);
        }
        Assert.Equal("model.shop.a", Next());
        Assert.Equal("model.shop.c", Next());
        Assert.False(queue.TryDequeue(out _));
        Finish("model.shop.a");
        Finish("model.shop.c");
        var wave = new[] { Next(), Next(), Next() };
        Assert.Equal(["model.shop.e", "test.shop.not_null_a_id.1", "test.shop.relationships_a_c.2"], wave);
        Assert.False(queue.TryDequeue(out _));
        Finish("test.shop.not_null_a_id.1");
        Assert.Equal("model.shop.b", Next());
        Finish("model.shop.b");
        Assert.False(queue.TryDequeue(out _));
        Finish("test.shop.relationships_a_c.2");
        Assert.Equal("model.shop.d", Next());

        // Without test edges b is ready as soon as a is.
        var plain = new ReadyQueue(graph, ["model.shop.a", "model.shop.b"]);
        Assert.True(plain.TryDequeue(out var first));
        plain.MarkDone(first);
        Assert.True(plain.TryDequeue(out var second));
        Assert.Equal("model.shop.b", second);
    }

    [Fact]
    public void Ancestors_and_descendants_of_one_member()
    {
        var graph = ShopGraph.Build();
        Assert.Equal(new HashSet<string> { StgOrders, StgCustomers }, graph.AncestorsOf(Orders, 1));
        Assert.Equal(new HashSet<string> { Metric, SavedQuery }, graph.DescendantsOf(Metric).Append(Metric).ToHashSet());
    }

    [Fact]
    public void Selection_on_fifty_thousand_nodes_is_fast()
    {
        // 50 chains of 1,000 models; every model tagged by its chain and carrying one not_null test.
        var members = new List<GraphMember>();
        for (var chain = 0; chain < 50; chain++)
        {
            for (var i = 0; i < 500; i++)
            {
                var name = $"m_{chain}_{i}";
                members.Add(Model(name, $"chain{chain}", i == 0 ? [] : [$"model.shop.m_{chain}_{i - 1}"], [$"chain{chain}"]));
                members.Add(Test($"test.shop.not_null_{name}_id.0000000000", "not_null", $"models/chain{chain}/schema.yml", $"model.shop.{name}"));
            }
        }
        var graph = new ManifestGraph(members) { ProjectName = "shop" };
        var watch = Stopwatch.StartNew();
        var selector = new NodeSelector(graph);
        var all = selector.Select(SelectionParser.ParseDifference(null, null));
        var upstream = selector.Select(SelectionParser.ParseDifference(["+m_7_499", "tag:chain3", "path:models/chain9", "chain1.*"], ["m_7_0"]));
        var order = graph.TopologicalOrder();
        var queue = new ReadyQueue(graph, all.Selected, testEdges: true);
        watch.Stop();
        Assert.Equal(50_000, all.Selected.Count);
        Assert.Equal(50_000, order.Count);
        Assert.Equal(4 * 1000 - 2, upstream.Selected.Count);
        Assert.Equal(50_000, queue.Remaining);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }
}
