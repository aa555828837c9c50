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
    /// <summary>Runs the project's hooks of <paramref name="kind"/>; false when one failed.</summary>
    public bool Run(string kind, List<NodeResult> results, CancellationToken cancellationToken)
    {
        var hooks = services.Manifest.Nodes.Values.OfType<HookNode>()
            .Where(h => h.Tags.Contains(kind)).OrderBy(h => h.Index ?? 0).ToList();
        if (hooks.Count == 0) return true;
        var log = services.Log;
        log.Info($"Running {hooks.Count} {kind} {(hooks.Count == 1 ? "hook" : "hooks")}", "HooksRunning");
        var extra = kind == "on-run-end" ? EndContext(results.Where(r => r.Node is not HookNode).ToList()) : null;
        var ok = true;
        for (var i = 0; i < hooks.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hook = hooks[i];
            var name = $"{hook.PackageName}.{kind}.{hook.Index ?? i}";
            log.Info(RunOutput.Line($"START hook: {name}", "RUN", i + 1, hooks.Count), "LogHookStartLine");
            var clock = Stopwatch.StartNew();
            var started = DateTimeOffset.UtcNow;
            var result = new NodeResult { Node = hook, Status = "success", Message = "OK", ThreadId = "main" };
            try
            {
                var sql = Render(hook, extra);
                if (!string.IsNullOrWhiteSpace(sql))
                {
                    var (response, _) = services.Adapter.Execute(sql);
                    services.Adapter.Commit();
                    result.AdapterResponse = response.ToDictionary();
                    result.Message = response.Message;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
            {
                result.Status = "error";
                result.Message = $"on-run-{(kind == "on-run-start" ? "start" : "end")} hook failed: {e.Message}";
                result.Error = e;
                log.StackTrace(e);
                ok = false;
            }
            result.ExecutionTime = clock.Elapsed.TotalSeconds;
            result.Timing.Add(new TimingInfo("execute", started, DateTimeOffset.UtcNow));
            log.Write(result.Status == "error" ? Logging.EventLevel.Error : Logging.EventLevel.Info, "LogHookEndLine",
                RunOutput.Line($"{(result.Status == "error" ? "ERROR" : "OK")} hook: {name}", result.Status == "error" ? "ERROR" : result.Message ?? "OK",
                    i + 1, hooks.Count, result.ExecutionTime), null, null);
            results.Add(result);
            if (!ok) break;
        }
        log.Info("");
        return ok;
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

    /// <summary>on-run-end's <c>results</c> (node, status, message, failures, …), <c>schemas</c> and <c>database_schemas</c>.</summary>
    private IReadOnlyDictionary<string, object?> EndContext(List<NodeResult> results)
    {
        var list = results.Select(r => (object?)new OrderedDictionary<string, object?>(StringComparer.Ordinal)
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
        var nodes = results.Select(r => r.Node).Where(n => n is not HookNode && n.ResourceType != ResourceType.Test).ToList();
        return new Dictionary<string, object?>
        {
            ["results"] = list,
            ["schemas"] = nodes.Select(n => n.Schema).Distinct().Cast<object?>().ToList(),
            ["database_schemas"] = nodes.Select(n => (n.Database, n.Schema)).Distinct()
                .Select(p => (object?)new Slipway.Jinja.Values.PyTuple([p.Database, p.Schema])).ToList(),
        };
    }
}
