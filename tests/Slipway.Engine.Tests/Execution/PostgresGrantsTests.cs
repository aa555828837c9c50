using Npgsql;
using Slipway.Engine.Tests.Materializations;

namespace Slipway.Engine.Tests.Execution;

/// <summary>
/// The grants config on a real PostgreSQL (SLIPWAY_TEST_PG, from scripts/postgres.sh), with roles made by the test:
/// dbt_project.yml grants merged with a model's (<c>+select</c> adds, <c>select</c> replaces), grants applied after
/// build, and on a later run the current grants (information_schema.role_table_grants) diffed against the config so
/// extra grants are revoked. On DuckDB, which has no GRANT, the config is accepted and ignored.
/// </summary>
public sealed class PostgresGrantsTests : MaterializationTestBase
{
    /// <summary>"privilege:grantee" for each grant on the relation, sorted.</summary>
    private static List<string> Grants(string cs, string schema, string table)
    {
        using var connection = new NpgsqlConnection(cs);
        connection.Open();
        using var command = new NpgsqlCommand(
            "select lower(privilege_type) || ':' || grantee from information_schema.role_table_grants " +
            "where table_schema = @s and table_name = @t and grantee <> current_role order by 1", connection);
        command.Parameters.AddWithValue("s", schema);
        command.Parameters.AddWithValue("t", table);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0));
        return rows;
    }

    [SkippableFact]
    public void Grants_are_merged_applied_and_diffed_against_the_current_ones()
    {
        var cs = PgTarget.ConnectionString();
        Skip.If(cs is null, PgTarget.SkipReason);
        var id = Guid.NewGuid().ToString("N")[..8];
        var schema = "slipway_grants_" + id;
        string reader = "reader_" + id, loader = "loader_" + id, auditor = "auditor_" + id;
        PgTarget.Execute(cs!, $"create role {reader}; create role {loader}; create role {auditor}");
        using var p = Project(
            ("models/t.sql", $"{{{{ config(materialized='table', grants={{'+select': ['{loader}']}}) }}}}\nselect 1 as id"),
            ("models/v.sql", $"{{{{ config(materialized='view', grants={{'select': ['{auditor}']}}) }}}}\nselect 1 as id"),
            ("models/inc.sql", $"{{{{ config(materialized='incremental', grants={{'insert': ['{loader}']}}) }}}}\nselect 1 as id"),
            PgTarget.TempRelationMacro);
        p.Write("dbt_project.yml", $"name: fixture\nversion: '1.0'\nprofile: fixture\nmodels:\n  fixture:\n    +grants:\n      select: ['{reader}']\n");
        p.Write("profiles.yml", PgTarget.Profile(cs!, schema));
        try
        {
            Run(p, "run");
            // +select adds to the project's select; select replaces it; other privileges are kept beside it.
            Assert.Equal([$"select:{loader}", $"select:{reader}"], Grants(cs!, schema, "t"));
            Assert.Equal([$"select:{auditor}"], Grants(cs!, schema, "v"));
            Assert.Equal([$"insert:{loader}", $"select:{reader}"], Grants(cs!, schema, "inc"));

            // A grant made by hand on the kept incremental table is revoked on the next run; the configured ones stay.
            PgTarget.Execute(cs!, $"grant select on \"{schema}\".inc to {auditor}; grant update on \"{schema}\".inc to {reader}");
            Run(p, "run");
            Assert.Equal([$"insert:{loader}", $"select:{reader}"], Grants(cs!, schema, "inc"));

            // Dropping a grantee from the config revokes it from the view, which is replaced in place.
            p.Write("models/v.sql", $"{{{{ config(materialized='view', grants={{'select': ['{reader}']}}) }}}}\nselect 1 as id");
            Run(p, "run");
            Assert.Equal([$"select:{reader}"], Grants(cs!, schema, "v"));
        }
        finally
        {
            PgTarget.Execute(cs!, $"drop schema if exists \"{schema}\" cascade; drop role if exists {reader}; drop role if exists {loader}; drop role if exists {auditor}");
        }
    }

    [Fact]
    public void On_duckdb_grants_are_accepted_and_ignored()
    {
        using var p = Project(("models/t.sql", "{{ config(materialized='table', grants={'select': ['nobody_has_this_role']}) }}\nselect 1 as id"));
        Run(p, "run");
        Assert.Equal(["1"], Rows(p, "select id from main.t"));
    }
}
