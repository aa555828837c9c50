namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>
/// Incremental models run twice over changed data (generation 1, then 2 via <c>--vars</c>): each strategy's documented
/// result, <c>is_incremental()</c>, full refresh, and the four <c>on_schema_change</c> settings.
/// </summary>
public abstract class IncrementalConformance<TWarehouse> : CapabilityTestBase<TWarehouse> where TWarehouse : IWarehouse, new()
{
    private const string Gen1 = "select * from (values (1, 'a'), (2, 'b')) as t(id, val)";
    private const string Gen2 = "select * from (values (2, 'B'), (3, 'c')) as t(id, val)";

    private void Model(string config, string gen1, string gen2) => Project(new Dictionary<string, string>
    {
        ["models/inc.sql"] = "{{ config(materialized='incremental', " + config + ") }}\n{% if var('gen', 1) == 1 %}\n" + gen1 + "\n{% else %}\n" + gen2 + "\n{% endif %}\n",
    });

    private static readonly IReadOnlyDictionary<string, object?> Second = new Dictionary<string, object?> { ["vars"] = "{gen: 2}" };

    // Sorted here, by code point: a server's collation may put 'a' before or after 'A'.
    private string[] Contents(string columns = "id, val") =>
        Rows($"select {columns} from {Q("inc")}").Order(StringComparer.Ordinal).ToArray();

    private string[] ColumnNames() =>
        Adapter.GetColumnsInRelation(Adapter.CreateRelation(Database, Schema, "inc")).Select(c => c.Name.ToLowerInvariant()).ToArray();

    [Fact]
    public void Append_adds_the_new_rows_and_is_incremental_filters_on_this()
    {
        Model("incremental_strategy='append'", Gen1,
            Gen2 + "\n{% if is_incremental() %} where id > (select max(id) from {{ this }}) {% endif %}");
        Ok("run");
        Assert.Equal(["1|a", "2|b"], Contents());
        Ok("run", Second);
        Assert.Equal(["1|a", "2|b", "3|c"], Contents());
    }

    [Fact]
    public void Append_without_a_filter_keeps_both_versions_of_a_row()
    {
        Model("incremental_strategy='append'", Gen1, Gen2);
        Ok("run");
        Ok("run", Second);
        Assert.Equal(["1|a", "2|B", "2|b", "3|c"], Contents());
    }

    [Theory]
    [InlineData("delete+insert")]
    [InlineData("merge")]
    public void Strategies_with_a_unique_key_replace_matching_rows(string strategy)
    {
        Model($"incremental_strategy='{strategy}', unique_key='id'", Gen1, Gen2);
        Ok("run");
        Ok("run", Second);
        Assert.Equal(["1|a", "2|B", "3|c"], Contents());
        Assert.Equal("success", Results()["model.conformance.inc"].Status);
    }

    [Theory]
    [InlineData("delete+insert")]
    [InlineData("merge")]
    public void A_composite_unique_key_matches_on_every_column(string strategy)
    {
        Model($"incremental_strategy='{strategy}', unique_key=['id', 'part']",
            "select * from (values (1, 'x', 'a'), (1, 'y', 'b')) as t(id, part, val)",
            "select * from (values (1, 'y', 'B'), (2, 'x', 'c')) as t(id, part, val)");
        Ok("run");
        Ok("run", Second);
        Assert.Equal(["1|x|a", "1|y|B", "2|x|c"], Rows($"select id, part, val from {Q("inc")} order by id, part"));
    }

    [Fact]
    public void Merge_update_columns_limits_what_a_match_updates()
    {
        Model("incremental_strategy='merge', unique_key='id', merge_update_columns=['val']",
            "select * from (values (1, 'a', 'n1'), (2, 'b', 'n2')) as t(id, val, note)",
            "select * from (values (2, 'B', 'changed'), (3, 'c', 'n3')) as t(id, val, note)");
        Ok("run");
        Ok("run", Second);
        Assert.Equal(["1|a|n1", "2|B|n2", "3|c|n3"], Rows($"select id, val, note from {Q("inc")} order by id"));
    }

    [Fact]
    public void Merge_incremental_predicates_limit_the_target_rows_matched()
    {
        Model("incremental_strategy='merge', unique_key='id', incremental_predicates=['DBT_INTERNAL_DEST.id > 1']", Gen1,
            "select * from (values (1, 'A'), (2, 'B'), (3, 'c')) as t(id, val)");
        Ok("run");
        Ok("run", Second);
        // Row 1 of the table is outside the predicate, so the new row 1 matches nothing and is inserted.
        Assert.Equal(["1|A", "1|a", "2|B", "3|c"], Contents());
    }

    [Fact]
    public void Full_refresh_rebuilds_from_the_query()
    {
        Model("incremental_strategy='append'", Gen1, Gen2);
        Ok("run");
        Ok("run", new Dictionary<string, object?> { ["vars"] = "{gen: 2}", ["full_refresh"] = true });
        Assert.Equal(["2|B", "3|c"], Contents());
    }

    private const string Gen2Extra = "select * from (values (2, 'B', 'x2'), (3, 'c', 'x3')) as t(id, val, extra)";

    [Fact]
    public void On_schema_change_ignore_keeps_the_table_columns()
    {
        Model("incremental_strategy='delete+insert', unique_key='id', on_schema_change='ignore'", Gen1, Gen2Extra);
        Ok("run");
        Ok("run", Second);
        Assert.Equal(["id", "val"], ColumnNames());
        Assert.Equal(["1|a", "2|B", "3|c"], Contents());
    }

    [Fact]
    public void On_schema_change_fail_fails_the_model_and_leaves_the_table()
    {
        Model("incremental_strategy='delete+insert', unique_key='id', on_schema_change='fail'", Gen1, Gen2Extra);
        Ok("run");
        Ok("run", Second, expectedExit: 1);
        Assert.Equal("error", Results()["model.conformance.inc"].Status);
        Assert.Equal(["id", "val"], ColumnNames());
        Assert.Equal(["1|a", "2|b"], Contents());
    }

    [Fact]
    public void On_schema_change_append_new_columns_adds_them_empty_for_old_rows()
    {
        Model("incremental_strategy='delete+insert', unique_key='id', on_schema_change='append_new_columns'", Gen1, Gen2Extra);
        Ok("run");
        Ok("run", Second);
        Assert.Equal(["id", "val", "extra"], ColumnNames());
        Assert.Equal(["1|a|∅", "2|B|x2", "3|c|x3"], Contents("id, val, extra"));
    }

    [Fact]
    public void On_schema_change_sync_all_columns_adds_and_removes()
    {
        Model("incremental_strategy='delete+insert', unique_key='id', on_schema_change='sync_all_columns'", Gen1,
            "select * from (values (2, 'x2'), (3, 'x3')) as t(id, extra)");
        Ok("run");
        Ok("run", Second);
        Assert.Equal(["id", "extra"], ColumnNames());
        Assert.Equal(["1|∅", "2|x2", "3|x3"], Contents("id, extra"));
    }
}
