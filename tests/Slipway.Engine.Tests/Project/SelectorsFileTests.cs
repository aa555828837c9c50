using Slipway.Engine.Project;

namespace Slipway.Engine.Tests.Project;

public class SelectorsFileTests
{
    [Fact]
    public void String_method_short_and_set_definitions_are_read()
    {
        using var dir = new TempFolder();
        dir.Write("selectors.yml", """
            selectors:
              - name: nightly
                description: Runs every night
                default: true
                definition: "tag:nightly state:modified+"
              - name: marts
                definition:
                  method: path
                  value: models/marts
                  parents: true
                  children_depth: 2
                  children: true
                  indirect_selection: cautious
              - name: short
                definition:
                  tag: finance
              - name: mixed
                definition:
                  union:
                    - method: selector
                      value: marts
                    - intersection:
                        - "tag:a"
                        - config.materialized: table
                    - exclude:
                        - method: fqn
                          value: stg_payments
            """);

        var selectors = SelectorsFile.Read(dir.Path);

        Assert.Equal(4, selectors.Count);
        Assert.Equal(new SelectorEntry("nightly", "Runs every night", true, new SelectorText("tag:nightly state:modified+")), selectors[0]);
        var marts = Assert.IsType<SelectorMethod>(selectors[1].Definition);
        Assert.Equal(("path", "models/marts", true, true, 2, "cautious"),
            (marts.Method, marts.Value, marts.Parents, marts.Children, marts.ChildrenDepth, marts.IndirectSelection));
        Assert.Equal(new SelectorMethod("tag", "finance"), selectors[2].Definition);
        var union = Assert.IsType<SelectorUnion>(selectors[3].Definition);
        Assert.Equal(new SelectorMethod("selector", "marts"), union.Items[0]);
        var intersection = Assert.IsType<SelectorIntersection>(union.Items[1]);
        Assert.Equal(new SelectorMethod("config.materialized", "table"), intersection.Items[1]);
        var exclude = Assert.IsType<SelectorExclude>(union.Items[2]);
        Assert.Equal(new SelectorMethod("fqn", "stg_payments"), Assert.Single(exclude.Items));
    }

    [Fact]
    public void Two_defaults_are_an_error()
    {
        using var dir = new TempFolder();
        dir.Write("selectors.yml", """
            selectors:
              - {name: a, default: true, definition: "tag:a"}
              - {name: b, default: true, definition: "tag:b"}
            """);

        var e = Assert.Throws<ProjectException>(() => SelectorsFile.Read(dir.Path));
        Assert.Contains("more than one selector with 'default: true' (a, b)", e.Message);
    }

    [Fact]
    public void Duplicate_names_and_unknown_keys_point_at_the_selector()
    {
        using var dir = new TempFolder();
        var file = dir.Write("selectors.yml", """
            selectors:
              - {name: a, definition: "tag:a"}
              - name: a
                definition: "tag:b"
            """);
        var e = Assert.Throws<ProjectException>(() => SelectorsFile.Read(dir.Path));
        Assert.StartsWith($"{file}:3:", e.Message);
        Assert.Contains("defines selector 'a' twice", e.Message);

        dir.Write("selectors.yml", "selectors:\n  - name: a\n    definition:\n      method: tag\n      value: x\n      parent: true\n");
        var unknown = Assert.Throws<ProjectException>(() => SelectorsFile.Read(dir.Path));
        Assert.Contains("unknown key 'parent'", unknown.Message);
    }

    [Fact]
    public void No_file_means_no_selectors()
    {
        using var dir = new TempFolder();
        Assert.Empty(SelectorsFile.Read(dir.Path));
    }
}
