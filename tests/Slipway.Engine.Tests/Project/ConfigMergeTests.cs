using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Project;

/// <summary>dbt's documented precedence: dbt_project.yml &lt; properties YAML &lt; config() in the file.</summary>
public class ConfigMergeTests
{
    private static Dictionary<string, object?> D(params (string Key, object? Value)[] items) =>
        items.ToDictionary(i => i.Key, i => i.Value, StringComparer.Ordinal);

    [Fact]
    public void The_config_call_beats_properties_which_beat_the_project_file()
    {
        var project = D(("materialized", "view"), ("schema", "staging"), ("alias", "a"));
        var properties = D(("materialized", "table"), ("alias", "b"));
        var configCall = D(("materialized", "incremental"));

        var merged = ConfigMerge.Merge(project, properties, configCall);

        Assert.Equal("incremental", merged["materialized"]);
        Assert.Equal("b", merged["alias"]);
        Assert.Equal("staging", merged["schema"]);
    }

    [Fact]
    public void Tags_are_additive_and_a_single_string_counts_as_one_tag()
    {
        var merged = ConfigMerge.Merge(
            D(("tags", new List<object?> { "nightly" })),
            D(("tags", "finance")),
            D(("tags", new List<object?> { "nightly", "pii" })));

        Assert.Equal(["nightly", "finance", "pii"], (List<object?>)merged["tags"]!);
    }

    [Fact]
    public void Hooks_accumulate_in_precedence_order_whatever_their_spelling()
    {
        var merged = ConfigMerge.Merge(
            D(("post-hook", "grant select on {{ this }} to a")),
            D(("post-hook", new List<object?> { "analyze {{ this }}" })),
            D(("post_hook", "select 1"), ("pre_hook", "set x = 1")));

        Assert.Equal(["grant select on {{ this }} to a", "analyze {{ this }}", "select 1"], (List<object?>)merged["post-hook"]!);
        Assert.Equal(["set x = 1"], (List<object?>)merged["pre-hook"]!);
        Assert.False(merged.ContainsKey("post_hook"));
    }

    [Fact]
    public void Meta_is_merged_and_a_more_specific_key_replaces_the_less_specific_one()
    {
        var merged = ConfigMerge.Merge(
            D(("meta", D(("owner", "data"), ("contains_pii", false)))),
            D(("meta", D(("contains_pii", true), ("sla", "daily")))));

        var meta = (IDictionary<string, object?>)merged["meta"]!;
        Assert.Equal("data", meta["owner"]);
        Assert.Equal(true, meta["contains_pii"]);
        Assert.Equal("daily", meta["sla"]);
    }

    [Fact]
    public void Grants_replace_per_privilege_unless_written_with_plus()
    {
        var merged = ConfigMerge.Merge(
            D(("grants", D(("select", new List<object?> { "reporter" }), ("insert", new List<object?> { "loader" })))),
            D(("grants", D(("+select", new List<object?> { "analyst" }), ("insert", "etl")))));

        var grants = (IDictionary<string, object?>)merged["grants"]!;
        Assert.Equal(["reporter", "analyst"], (List<object?>)grants["select"]!);
        Assert.Equal(["etl"], (List<object?>)grants["insert"]!);
    }

    [Fact]
    public void Merging_never_changes_the_layers()
    {
        var tags = new List<object?> { "a" };
        var project = D(("tags", tags), ("meta", D(("x", 1L))));

        var merged = ConfigMerge.Merge(project, D(("tags", "b"), ("meta", D(("y", 2L)))));

        Assert.Equal(["a"], tags);
        Assert.False(((IDictionary<string, object?>)project["meta"]!).ContainsKey("y"));
        Assert.Equal(2, ((IDictionary<string, object?>)merged["meta"]!).Count);
    }
}
