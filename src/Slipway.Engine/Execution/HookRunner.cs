using System.Diagnostics;
using Slipway.Engine.Contexts;
using Slipway.Engine.Manifest;
using Slipway.Jinja;

namespace Slipway.Engine.Execution;

/// <summary>
/// on-run-start / on-run-end: each hook is rendered with the run-time context (<c>results</c>, <c>schemas</c> and
/// <c>database_schemas</c> for on-run-end) and its SQL executed; each becomes a result of the run as in dbt.
/// </summary>
internal sealed class HookRunner(ExecutionServices services)
{
    /// <summary>
    /// Runs the project's hooks of <paramref name="kind"/> in order, as dbt's safe_run_hooks: each becomes a result
    /// ("<c>pkg.on-run-start.0 passed</c>"); after one fails the rest are recorded as skipped. False when one failed.
    /// </summary>
    public bool Run(string kind, List<NodeResult> results, CancellationToken cancellationToken)
    {
        // dbt's order: installed packages' hooks by package name, the root project's last, each in file order.
        var root = services.Parse.Loader.Root.Name;
        var hooks = services.Manifest.Nodes.Values.OfType<HookNode>().Where(h => h.Tags.Contains(kind))
            .OrderBy(h => h.PackageName == root).ThenBy(h => h.PackageName, StringComparer.Ordinal).ThenBy(h => h.Index ?? 0).ToList();
        if (hooks.Count == 0) return true;
        var log = services.Log;
        log.Info($"Running {hooks.Count} {kind} {(hooks.Count == 1 ? "hook" : "hooks")}", "HooksRunning");
        var extra = kind == "on-run-end" ? EndContext(results) : null;
        var failed = false;
        for (var i = 0; i < hooks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hook = hooks[i];
            var name = $"{hook.PackageName}.{kind}.{i}";
            var result = new NodeResult { Node = hook, Status = "skipped", Message = $"{name} skipped", Failures = 1, ThreadId = "main" };
            if (!failed)
            {
                var clock = Stopwatch.StartNew();
                var started = DateTimeOffset.UtcNow;
                string? sql = null;
                try
                {
                    sql = Render(hook, extra);
                    result.Timing.Add(new TimingInfo("compile", started, DateTimeOffset.UtcNow));
                    log.Info(RunOutput.Line($"START hook: {name}", "RUN", i + 1, hooks.Count), "LogHookStartLine");
                    var executing = DateTimeOffset.UtcNow;
                    if (!string.IsNullOrWhiteSpace(sql))
                    {
                        services.Adapter.Execute(sql);
                        services.Adapter.Commit();
                    }
                    result.Timing.Add(new TimingInfo("execute", executing, DateTimeOffset.UtcNow));
                    (result.Status, result.Message, result.Failures) = ("success", $"{name} passed", 0);
                }
                catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
                {
                    if (sql is null) log.Info(RunOutput.Line($"START hook: {name}", "RUN", i + 1, hooks.Count), "LogHookStartLine");
                    (result.Status, result.Message, result.Error) = ("error", $"{name} failed, error:\n {e.Message}", e);
                    log.StackTrace(e);
                    failed = true;
                }
                result.ExecutionTime = clock.Elapsed.TotalSeconds;
            }
            var (verb, status) = result.Status switch { "success" => ("OK", "OK"), "error" => ("ERROR", "ERROR"), _ => ("SKIP", "SKIP") };
            log.Write(result.Status == "error" ? Logging.EventLevel.Error : Logging.EventLevel.Info, "LogHookEndLine",
                RunOutput.Line($"{verb} hook: {name}", status, i + 1, hooks.Count, result.Status == "skipped" ? null : result.ExecutionTime), null, null);
            results.Add(result);
        }
        log.Info("");
        return !failed;
    }

    private string Render(HookNode hook, IReadOnlyDictionary<string, object?>? extra)
    {
        var host = services.Parse.Loader.Jinja;
        var scope = host.Rent(runtime: true);
        try
        {
            new RuntimeProvider(services.Compiler, hook).Bind(scope);
            new RunContext(services, hook).Bind(scope, extra);
            var text = host.Compile(hook.RawCode, hook.OriginalFilePath, runtime: true).Render(scope.Context);
            hook.CompiledCode = text;
            hook.Compiled = true;
            return text;
        }
        catch (TemplateError e)
        {
            throw new CompilerException($"Compilation Error in {hook.UniqueId} ({hook.OriginalFilePath}:{e.Line}:{e.Column}): {e.Description}");
        }
        catch (JinjaReturnException r)
        {
            return Py(r.Value);
        }
        finally
        {
            host.Release(scope);
        }
    }

    private static string Py(object? value) => Slipway.Jinja.Values.Py.ToStr(value);

    /// <summary>
    /// on-run-end's <c>results</c> (the nodes' results and any failed on-run-start hook), <c>schemas</c> and
    /// <c>database_schemas</c> (where a model, seed or snapshot was built: not errored, failed or skipped).
    /// </summary>
    private IReadOnlyDictionary<string, object?> EndContext(List<NodeResult> results)
    {
        var list = results.Where(r => r.Node is not HookNode || r.Status == "error").Select(r => (object?)new OrderedDictionary<string, object?>(StringComparer.Ordinal)
        {
            ["node"] = NodeDicts.Of(r.Node),
            ["status"] = r.Status,
            ["message"] = r.Message,
            ["failures"] = r.Failures,
            ["execution_time"] = r.ExecutionTime,
            ["thread_id"] = r.ThreadId,
            ["adapter_response"] = r.AdapterResponse.ToDictionary(kv => kv.Key, kv => kv.Value),
            ["unique_id"] = r.Node.UniqueId,
        }).ToList();
        var built = results.Where(r => r.Node is not HookNode && r.Node.ResourceType != ResourceType.Test && r.Status is not ("error" or "fail" or "skipped"))
            .Select(r => r.Node).ToList();
        return new Dictionary<string, object?>
        {
            ["results"] = list,
            ["schemas"] = built.Select(n => n.Schema).Distinct().Cast<object?>().ToList(),
            ["database_schemas"] = built.Select(n => (n.Database, n.Schema)).Distinct()
                .Select(p => (object?)new Slipway.Jinja.Values.PyTuple([p.Database, p.Schema])).ToList(),
        };
    }
}
