using System.Diagnostics;
using Slipway.Adapters;
using Slipway.Engine.Compilation;
using Slipway.Engine.Contexts;
using Slipway.Engine.Execution;
using Slipway.Engine.Parsing;

namespace Slipway.Engine.UnitTests;

/// <summary>
/// Runs one unit test as dbt's unit-test materialization does: compile the model over the given rows, read the
/// columns that query returns, cast the expected rows to those types, select actual and expected rows in one
/// <c>union all</c> (tagged <c>actual_or_expected</c>) over the expected columns, and compare them as multisets.
/// A difference is a <c>fail</c> with one failure and the rendered diff as message; a broken definition or a
/// database error is an <c>error</c>.
/// </summary>
internal sealed class UnitTestRunner(ExecutionServices services)
{
    private const string Tag = "actual_or_expected";

    public NodeResult Execute(UnitTestNode test, CancellationToken cancellationToken)
    {
        var result = new NodeResult { Node = test, Status = "pass", ThreadId = Thread.CurrentThread.Name ?? "Thread-1 (worker)" };
        var clock = Stopwatch.StartNew();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = DateTimeOffset.UtcNow;
            var spec = UnitTestSpec.Read(test, FixtureFolders());
            var sql = new UnitTestCompiler(services).Compile(test, spec);
            test.CompiledCode = sql;
            test.Compiled = true;
            services.Compiler.WriteCompiled([test], services.Config.Project.RootPath, services.RelativeTargetPath);
            result.Timing.Add(new TimingInfo("compile", started, DateTimeOffset.UtcNow));
            started = DateTimeOffset.UtcNow;
            var (response, diff) = Run(test, spec, sql, cancellationToken);
            result.Timing.Add(new TimingInfo("execute", started, DateTimeOffset.UtcNow));
            result.AdapterResponse = response.ToDictionary();
            result.Failures = 0;
            if (diff.HasDifference)
            {
                result.Status = "fail";
                result.Failures = 1;
                result.Message = diff.Render();
            }
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            result.Status = "error";
            result.Failures = null;
            result.Error = e;
            result.Message = e switch
            {
                CompilerException or ParseException when e.Message.StartsWith("Compilation Error", StringComparison.Ordinal) => e.Message,
                CompilerException or ParseException or Slipway.Jinja.JinjaRuntimeException => $"Compilation Error in unit_test {test.Name} ({test.OriginalFilePath})\n  {e.Message}",
                AdapterException => $"Runtime Error in unit_test {test.Name} ({test.OriginalFilePath})\n  An error occurred during execution of unit test '{test.Name}'. There may be an error in the unit test definition: check the data types.\n   {e.Message}",
                _ => $"Runtime Error in unit_test {test.Name} ({test.OriginalFilePath})\n  {e.Message}",
            };
        }
        result.ExecutionTime = clock.Elapsed.TotalSeconds;
        return result;
    }

    private (Slipway.Adapters.Results.AdapterResponse, RowDiff) Run(UnitTestNode test, UnitTestSpec spec, string sql, CancellationToken cancellationToken)
    {
        var adapter = services.Adapter;
        var actualColumns = adapter.GetColumnSchemaFromQuery(sql, cancellationToken)
            .Select(c => new FixtureSql.FixtureColumn(c.Name.ToLowerInvariant(), c.DataType, adapter.Quote(c.Name)))
            .ToList();
        var byName = actualColumns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var expect = spec.Expect;
        List<FixtureSql.FixtureColumn> compared;
        string expectedSql;
        if (expect.Format == FixtureFormat.Sql)
        {
            compared = actualColumns;
            expectedSql = expect.Sql!;
        }
        else if (expect.Rows.Count == 0)
        {
            compared = actualColumns;
            expectedSql = "select * from dbt_internal_unit_test_actual\n    limit 0";
        }
        else
        {
            // dbt compares the columns the first expected row names; a column the model does not return is an error.
            compared = [];
            foreach (var name in expect.Rows[0].Keys)
            {
                compared.Add(byName.GetValueOrDefault(name) ?? throw UnitTestSpec.Error(test,
                    $"expects column '{name}', which model '{test.Model.Name}' does not return. Invalid column name: '{name}' in unit test fixture for expected output.\n  Accepted columns for expected output are: {FixtureSql.PyList(actualColumns.Select(c => c.Name))}"));
            }
            foreach (var row in expect.Rows)
                foreach (var key in row.Keys)
                    if (!byName.ContainsKey(key))
                        throw UnitTestSpec.Error(test, $"expects column '{key}', which model '{test.Model.Name}' does not return. Accepted columns for expected output are: {FixtureSql.PyList(actualColumns.Select(c => c.Name))}");
            expectedSql = FixtureSql.Expected(compared, expect.Rows);
        }
        var list = string.Join(", ", compared.Select(c => c.Quoted));
        var tag = adapter.Quote(Tag);
        var query = $"""
            -- Build actual result given inputs
            with dbt_internal_unit_test_actual as (
              select
                {list}, 'actual' as {tag}
              from (
                {sql}
              ) _dbt_internal_unit_test_actual
            ),
            -- Build expected result
            dbt_internal_unit_test_expected as (
              select
                {list}, 'expected' as {tag}
              from (
                {expectedSql}
              ) _dbt_internal_unit_test_expected
            )
            -- Union actual and expected results
            select * from dbt_internal_unit_test_actual
            union all
            select * from dbt_internal_unit_test_expected
            """;
        var (response, table) = adapter.Execute(query, fetch: true, cancellationToken: cancellationToken);
        return (response, RowDiff.Compare(table));
    }

    /// <summary>dbt's fixture paths: a <c>fixtures</c> folder under each test path of the root project.</summary>
    private List<string> FixtureFolders() =>
        services.Config.Project.TestPaths.Select(t => Path.Combine(services.Config.Project.RootPath, t.TrimEnd('/'), "fixtures")).ToList();
}
