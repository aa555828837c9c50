namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>Ephemeral models become CTEs of the models that select from them; nothing is built for them.</summary>
public abstract class EphemeralConformance<TWarehouse> : CapabilityTestBase<TWarehouse> where TWarehouse : IWarehouse, new()
{
    [Fact]
    public void Ephemeral_models_are_inlined_and_never_built()
    {
        Project(new Dictionary<string, string>
        {
            ["models/eph_base.sql"] = "{{ config(materialized='ephemeral') }}\nselect 1 as id, 'x' as tag union all select 2, 'y'",
            ["models/eph_doubled.sql"] = "{{ config(materialized='ephemeral') }}\nselect id * 2 as id, tag from {{ ref('eph_base') }}",
            ["models/final.sql"] = "{{ config(materialized='table') }}\nselect d.id, d.tag, b.id as base_id from {{ ref('eph_doubled') }} d join {{ ref('eph_base') }} b on b.tag = d.tag",
        });
        Ok("run");
        Assert.Equal(["final:table"], Relations());
        Assert.Equal(["2|x|1", "4|y|2"], Rows($"select id, tag, base_id from {Q("final")} order by id"));
        // dbt compiles ephemeral refs to __dbt__cte__<name> CTEs.
        var compiled = File.ReadAllText(Path.Combine(Root, "target", "compiled", "conformance", "models", "final.sql"));
        Assert.Contains("__dbt__cte__eph_base", compiled);
        Assert.Contains("__dbt__cte__eph_doubled", compiled);
    }

    [Fact]
    public void A_view_over_an_ephemeral_model_reads_it()
    {
        Project(new Dictionary<string, string>
        {
            ["models/eph.sql"] = "{{ config(materialized='ephemeral') }}\nselect 5 as n",
            ["models/v.sql"] = "{{ config(materialized='view') }}\nselect n + 1 as n from {{ ref('eph') }}",
        });
        Ok("run");
        Assert.Equal(["v:view"], Relations());
        Assert.Equal("6", Scalar($"select n from {Q("v")}"));
    }
}
