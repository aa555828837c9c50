using System.Diagnostics;
using System.Globalization;
using Slipway.Adapters;
using Slipway.Adapters.Relations;
using Slipway.Adapters.Results;
using Slipway.Engine.Contexts;
using Slipway.Engine.Manifest;
using Slipway.Engine.Parsing;
using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Engine.Execution;

/// <summary>
/// Runs one node as dbt's runners do: compile it (with the connected adapter in its context), then call its
/// materialization macro — <c>materialization_&lt;name&gt;_&lt;adapter&gt;</c>, else <c>_default</c>, the root project's
/// before installed packages' before the built-ins — which returns <c>{'relations': [...]}</c>. Tests read the
/// <c>main</c> statement's <c>failures, should_warn, should_error</c> row into pass/warn/fail.
/// </summary>
internal sealed class NodeExecutor(ExecutionServices services)
{
    public NodeResult Execute(ManifestNode node, CancellationToken cancellationToken)
    {
        if (node is UnitTests.UnitTestNode unitTest) return new UnitTests.UnitTestRunner(services).Execute(unitTest, cancellationToken);
        var result = new NodeResult { Node = node, Status = "success", ThreadId = ThreadName() };
        var clock = Stopwatch.StartNew();
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var started = DateTimeOffset.UtcNow;
            Compile(node);
            result.Timing.Add(new TimingInfo("compile", started, DateTimeOffset.UtcNow));
            started = DateTimeOffset.UtcNow;
            var store = Materialize(node);
            result.Timing.Add(new TimingInfo("execute", started, DateTimeOffset.UtcNow));
            var main = store.GetValueOrDefault("main") as IDictionary<string, object?>;
            if (main?.GetValueOrDefault("response") is AdapterResponse response) result.AdapterResponse = response.ToDictionary();
            if (node.ResourceType == ResourceType.Test) Judge(node, main, result);
            else result.Message = main?.GetValueOrDefault("response") is AdapterResponse r ? r.Message : "OK";
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            result.Status = "error";
            result.Message = ErrorMessage(node, e);
            result.Error = e;
        }
        result.ExecutionTime = clock.Elapsed.TotalSeconds;
        return result;
    }

    private void Compile(ManifestNode node)
    {
        if (node is SeedNode) return;
        services.Compiler.Compile([node]);
        services.Compiler.WriteCompiled([node], services.Config.Project.RootPath, services.RelativeTargetPath, services.Files);
    }

    /// <summary>
    /// Calls the node's materialization and returns the statement results it stored. <paramref name="overrides"/>
    /// (a microbatch batch's <c>sql</c>, <c>model</c>, hooks, <c>is_incremental</c>) replace context names for this
    /// call only: scopes are reused, so the previous values are put back. <paramref name="materialization"/> replaces
    /// the node's own (<c>clone</c>).
    /// </summary>
    internal Dictionary<string, object?> Materialize(ManifestNode node, IReadOnlyDictionary<string, object?>? overrides = null,
        string? materialization = null)
    {
        var host = services.Parse.Loader.Jinja;
        var scope = host.Rent(runtime: true);
        var replaced = new List<(string Name, bool Had, object? Value)>();
        try
        {
            new RuntimeProvider(services.Compiler, node).Bind(scope);
            var context = new RunContext(services, node);
            context.Bind(scope);
            foreach (var (name, value) in overrides ?? new Dictionary<string, object?>())
            {
                replaced.Add((name, scope.Context.TryGetValue(name, out var old), old));
                scope.Context[name] = value;
            }
            var materialized = materialization ?? node switch
            {
                GenericTestNode or SingularTestNode => "test",
                SeedNode => "seed",
                SnapshotNode => "snapshot",
                _ => node.Config.Materialized ?? "view",
            };
            var macro = FindMaterialization(scope, materialized, node)
                ?? throw new CompilerException($"No materialization '{materialized}' was found for adapter {services.Adapter.Type}! (searched types 'default' and '{services.Adapter.Type}')");
            object? returned;
            try
            {
                returned = macro.Call(Arguments.Empty);
            }
            catch (JinjaReturnException r)
            {
                returned = r.Value;
            }
            catch (TemplateError e)
            {
                throw new CompilerException($"Compilation Error in {node.ResourceType.ToDbtString()} {node.Name} ({node.OriginalFilePath}:{e.Line}:{e.Column}): {e.Description}");
            }
            services.Adapter.Commit();
            // A Jinja dict literal is a PyDict; a host dictionary may come back too.
            var relations = returned switch
            {
                PyDict pd => pd.TryGetValue("relations", out var r) ? r : null,
                IDictionary<string, object?> d => d.TryGetValue("relations", out var r) ? r : null,
                _ => null,
            };
            if (relations is IEnumerable<object?> list)
                foreach (var relation in list.OfType<Relation>()) services.Adapter.CacheAdded(relation);
            return context.Results;
        }
        finally
        {
            foreach (var (name, had, value) in replaced)
                if (had) scope.Context[name] = value; else scope.Context.Remove(name);
            host.Release(scope);
        }
    }

    /// <summary>dbt's lookup (<see cref="MaterializationLookup"/>): adapter-specific first, then the root project, packages, built-ins.</summary>
    private IJinjaCallable? FindMaterialization(RenderScope scope, string materialized, ManifestNode node) =>
        MaterializationLookup.Find(scope, services.Parse.Loader, services.Manifest, services.Adapter.Type, materialized, node, m => services.Log.Debug(m));

    /// <summary>dbt's TestRunner: fail when the severity is error and error_if holds, warn when warn_if holds, else pass.</summary>
    private static void Judge(ManifestNode node, IDictionary<string, object?>? main, NodeResult result)
    {
        if (main?.GetValueOrDefault("table") is not ResultTable table || table.Rows.Count == 0)
            throw new CompilerException($"The test {node.Name} returned no row of failures, should_warn, should_error; its materialization must store the 'main' statement.");
        if (table.Rows.Count > 1)
            throw new CompilerException($"Internal error: the test {node.Name} returned {table.Rows.Count} rows; expected one.");
        var row = table.Rows[0];
        var names = table.ColumnNames.Select(n => n.ToLowerInvariant()).ToList();
        object? Cell(string name) => names.IndexOf(name) is var i and >= 0 ? row[i] : null;
        // HUGEINT sums come back as BigInteger; ToJinjaValue narrows them to long like other integers.
        var failures = ResultTable.ToJinjaValue(Cell("failures")) switch
        {
            null => 0L,
            long l => l,
            double d => (long)d,
            var other => Convert.ToInt64(other, CultureInfo.InvariantCulture),
        };
        var shouldWarn = Truthy(Cell("should_warn"));
        var shouldError = Truthy(Cell("should_error"));
        var severity = (node.Config.Get("severity") as string ?? "ERROR").ToUpperInvariant();
        var plural = failures == 1 ? "1 result" : $"{failures} results";
        if (severity == "ERROR" && shouldError)
        {
            result.Status = "fail";
            result.Message = $"Got {plural}, configured to fail if {node.Config.Get("error_if") ?? "!= 0"}";
            result.Failures = failures;
        }
        else if (shouldWarn)
        {
            result.Status = "warn";
            result.Message = $"Got {plural}, configured to warn if {node.Config.Get("warn_if") ?? "!= 0"}";
            result.Failures = failures;
        }
        else
        {
            result.Status = "pass";
            result.Message = null;
            result.Failures = 0;
        }
    }

    private static bool Truthy(object? v) => v switch
    {
        bool b => b,
        string s => s.Equals("true", StringComparison.OrdinalIgnoreCase),
        null => false,
        _ => Py.IsTruthy(ResultTable.ToJinjaValue(v)),
    };

    /// <summary>The message dbt prints under "Failure in …"/"Error in …": a database error or a compilation error.</summary>
    internal static string ErrorMessage(ManifestNode node, Exception e) => e switch
    {
        AdapterException a => $"Runtime Error in {node.ResourceType.ToDbtString()} {node.Name} ({node.OriginalFilePath})\n  {a.Message}",
        CompilerException or ParseException when e.Message.StartsWith("Compilation Error", StringComparison.Ordinal) => e.Message,
        CompilerException or ParseException => $"Compilation Error in {node.ResourceType.ToDbtString()} {node.Name} ({node.OriginalFilePath})\n  {e.Message}",
        JinjaRuntimeException => $"Compilation Error in {node.ResourceType.ToDbtString()} {node.Name} ({node.OriginalFilePath})\n  {e.Message}",
        _ => $"Runtime Error in {node.ResourceType.ToDbtString()} {node.Name} ({node.OriginalFilePath})\n  {e.Message}",
    };

    internal static string ThreadName() => Thread.CurrentThread.Name ?? "Thread-1 (worker)";
}
