using System.Text.Json;
using Slipway.Engine.Logging;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Compilation.Commands;

/// <summary>
/// <c>slipway compile</c>: compile the selected nodes into target/compiled/, write the manifest, and print the SQL
/// when one node is selected or <c>--inline "select …"</c> is given (text, or <c>--output json</c>).
/// </summary>
internal sealed class CompileCommand : IEngineCommand
{
    private static readonly IReadOnlySet<string> Compilable =
        new HashSet<string>(StringComparer.Ordinal) { "model", "test", "snapshot", "analysis", "seed", "operation", "sql_operation" };

    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        var session = ProjectSession.Load(config, log);
        var compiler = new Compiler(session.Parse) { Empty = config.Invocation.Empty };
        var inv = config.Invocation;

        if (inv.Inline is { } inline)
        {
            var node = InlineNode(session, inline);
            compiler.Compile([node]);
            Print(log, inv.Output, "inline_query", node.CompiledCode ?? "", inline: true);
            return 0;
        }

        var trace = Trace.Start();
        var selected = session.Select(Compilable, log);
        trace.Step("select");
        var nodes = session.Manifest.Nodes.Values.Where(n => selected.Contains(n.UniqueId)).ToList();
        compiler.SelectedResources = selected.Order(StringComparer.Ordinal).Cast<object?>().ToList();
        compiler.Compile(nodes);
        trace.Step("compile");
        compiler.WriteCompiled(nodes, config.Project.RootPath, Path.GetRelativePath(config.Project.RootPath, config.TargetPath).Replace('\\', '/'));
        trace.Step("write compiled files");
        session.WriteManifest();
        session.WritePerfInfo();
        Artifacts.GraphSummaryWriter.Write(session.Manifest, Path.Combine(config.TargetPath, "graph_summary.json"));
        trace.Step("write manifest");
        // dbt prints every compiled node whose name occurs in the first --select value (a substring test).
        if (inv.Select.Count > 0)
            foreach (var node in nodes.Where(n => n.Compiled && inv.Select[0].Contains(n.Name, StringComparison.Ordinal)))
                Print(log, inv.Output, node.Name, node.CompiledCode ?? "", inline: false);
        else
            log.Info($"Compiled {nodes.Count(n => n.Compiled)} nodes into {config.TargetPath}", "CompiledNodes");
        return 0;
    }

    /// <summary>dbt's CompiledNode event: JSON <c>{"node", "compiled"}</c>, or the text form.</summary>
    private static void Print(EventLog log, string? output, string name, string sql, bool inline)
    {
        if (output == "json")
        {
            log.Print(JsonSerializer.Serialize(new Dictionary<string, string> { ["node"] = name, ["compiled"] = sql }));
            return;
        }
        log.Print(inline ? $"Compiled inline node is:\n{sql}" : $"Compiled node '{name}' is:\n{sql}");
    }

    /// <summary><c>--inline</c> SQL becomes an anonymous SQL operation of the root project, compiled like a model.</summary>
    private static ManifestNode InlineNode(ProjectSession session, string sql) => session.Parse.Loader.CreateInlineNode(sql);
}
