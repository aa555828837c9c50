using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Project;

/// <summary>YAML read as PyYAML's safe_load reads it (expected values from python3 -c "import yaml; yaml.safe_load(…)").</summary>
public class YamlValuesTests
{
    private static IDictionary<string, object?> Load(string text) =>
        (IDictionary<string, object?>)YamlValues.Parse(text, "test.yml").Root!;

    [Fact]
    public void A_duplicate_key_keeps_the_last_value()
    {
        Assert.Equal(2L, Load("a: 1\na: 2\n")["a"]);
    }

    [Fact]
    public void Merge_keys_copy_the_anchor_and_explicit_keys_win()
    {
        // {'base': {'x': 1, 'y': 2}, 'child': {'x': 1, 'y': 3}}
        var root = Load("base: &b\n  x: 1\n  y: 2\nchild:\n  y: 3\n  <<: *b\n");
        var child = (IDictionary<string, object?>)root["child"]!;

        Assert.Equal(1L, child["x"]);
        Assert.Equal(3L, child["y"]);
        Assert.False(child.ContainsKey("<<"));
    }

    [Fact]
    public void A_merge_of_several_anchors_gives_the_first_precedence()
    {
        // yaml.safe_load: {'a': {'k': 1}, 'b': {'k': 2, 'm': 5}, 'c': {'k': 1, 'm': 5}}
        var root = Load("a: &a {k: 1}\nb: &b {k: 2, m: 5}\nc:\n  <<: [*a, *b]\n");
        var c = (IDictionary<string, object?>)root["c"]!;

        Assert.Equal(1L, c["k"]);
        Assert.Equal(5L, c["m"]);
    }

    [Fact]
    public void Aliases_of_scalars_and_lists_resolve()
    {
        var root = Load("cols: &c [id, name]\nsame: *c\nv: &v 5\nw: *v\n");

        Assert.Equal(new List<object?> { "id", "name" }, root["same"]);
        Assert.Equal(5L, root["w"]);
    }

    [Theory]
    [InlineData("1_000", 1000L)]
    [InlineData("0o17", "0o17")]
    [InlineData("017", 15L)]
    [InlineData("0x1F", 31L)]
    [InlineData("1e3", "1e3")]
    [InlineData("1.0e3", "1.0e3")]
    [InlineData("1.0e+3", 1000.0)]
    [InlineData("1:30", 90L)]
    [InlineData(".5", 0.5)]
    [InlineData("1.", 1.0)]
    [InlineData("Yes", true)]
    [InlineData("OFF", false)]
    [InlineData("y", "y")]
    [InlineData("2024-01-01", "2024-01-01")]
    [InlineData("-7", -7L)]
    public void Plain_scalars_are_typed_as_yaml_1_1(string text, object? expected)
    {
        // 2024-01-01 is a date for PyYAML; kept as its text here (dbt hands dates to Jinja as text anyway).
        Assert.Equal(expected, Load($"v: {text}\n")["v"]);
    }
}
