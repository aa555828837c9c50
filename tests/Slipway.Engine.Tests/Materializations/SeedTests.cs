using Slipway.Engine.Tests.Execution;

namespace Slipway.Engine.Tests.Materializations;

/// <summary>The seed materialization: types inferred or overridden, reload by truncate, --full-refresh drops and recreates.</summary>
public sealed class SeedTests : MaterializationTestBase
{
    private const string Csv = "id,name,amount,day\n1,ann,1.5,2024-01-02\n2,bob,,2024-02-03\n";

    [Fact]
    public void Seed_creates_a_table_with_inferred_types()
    {
        using var p = Project(("seeds/people.csv", Csv));
        Run(p, "seed");
        Assert.Equal(["id:INTEGER", "name:VARCHAR", "amount:DOUBLE", "day:DATE"], Columns(p, "people"));
        Assert.Equal(["1|ann|1.5|2024-01-02", "2|bob|∅|2024-02-03"],
            Rows(p, "select id, name, amount, strftime(day, '%Y-%m-%d') from main.people order by id"));
    }

    [Fact]
    public void Column_types_override_the_inferred_ones()
    {
        using var p = Project(
            ("seeds/people.csv", Csv),
            ("seeds/props.yml", "version: 2\nseeds:\n  - name: people\n    config:\n      column_types:\n        id: varchar\n        amount: decimal(10,2)\n"));
        Run(p, "seed");
        Assert.Equal(["id:VARCHAR", "name:VARCHAR", "amount:DECIMAL(10,2)", "day:DATE"], Columns(p, "people"));
    }

    [Fact]
    public void Reseeding_replaces_the_rows_and_keeps_the_table()
    {
        using var p = Project(("seeds/people.csv", Csv));
        Run(p, "seed");
        Exec(p, "create view main.people_view as select * from main.people");
        p.Write("seeds/people.csv", "id,name,amount,day\n3,cy,2.5,2024-03-04\n");
        Run(p, "seed");
        Assert.Equal(["3|cy"], Rows(p, "select id, name from main.people"));
        // Truncate and load keeps the table, so a view on it survives.
        Assert.Equal(["3"], Rows(p, "select id from main.people_view"));
    }

    [Fact]
    public void Full_refresh_recreates_the_table_with_new_columns()
    {
        using var p = Project(("seeds/people.csv", Csv));
        Run(p, "seed");
        p.Write("seeds/people.csv", "id,nickname\n7,q\n");
        Run(p, "seed", flags: FullRefresh);
        Assert.Equal(["id:INTEGER", "nickname:VARCHAR"], Columns(p, "people"));
        Assert.Equal(["7|q"], Rows(p, "select * from main.people"));
    }

    [Fact]
    public void Seeding_over_a_view_is_an_error()
    {
        using var p = Project(("seeds/people.csv", Csv));
        Exec(p, "create view main.people as select 1 as id");
        var output = Run(p, "seed", expectedExit: 1);
        Assert.Contains("is a view", output);
    }
}
