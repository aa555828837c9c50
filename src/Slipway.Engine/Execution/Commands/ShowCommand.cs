using System.Text.Json;
using Slipway.Adapters.Results;
using Slipway.Engine.Logging;
using Slipway.Engine.Manifest;
using Slipway.Engine.Project;

namespace Slipway.Engine.Execution.Commands;

/// <summary>
/// <c>slipway show --select node</c> / <c>--inline "select …"</c>: compile, run the SQL with <c>--limit</c> (default
/// 5; a negative limit shows every row) and print the rows as a table ("Previewing node 'x':") or, with
/// <c>--output json</c>, as <c>{"node": …, "show": [rows]}</c>.
/// </summary>
internal sealed class ShowCommand : IEngineCommand
{
    public int Execute(RuntimeConfig config, EventLog log, CancellationToken cancellationToken)
    {
        using var session = ExecutionSession.Open(config, log);
        var services = session.Services;
        var inv = config.Invocation;
        var limit = inv.Flags.TryGetValue("limit", out var l) && l is long n ? n : 5;
        var inline = inv.Inline ?? inv.GetString("inline_direct");
        List<ManifestNode> nodes;
        if (inline is not null) nodes = [session.Project.Parse.Loader.CreateInlineNode(inline)];
        else
        {
            var selected = session.Project.Select(new HashSet<string>(StringComparer.Ordinal) { "model", "test", "seed", "snapshot", "analysis" });
            // Tests come in through indirect selection; show previews only what was named.
            nodes = session.Project.Manifest.Nodes.Values.Where(x => selected.Contains(x.UniqueId)
                && (x.ResourceType != ResourceType.Test || inv.Select.Any(s => s.Contains(x.Name, StringComparison.Ordinal)))).ToList();
            if (nodes.Count == 0)
            {
                log.Warn("Nothing to do. Try checking your model configs and model specification args");
                return 0;
            }
        }
        foreach (var node in nodes)
        {
            string sql;
            if (node is SeedNode) sql = $"select * from {node.RelationName}";
            else
            {
                services.Compiler.Compile([node]);
                sql = node.CompiledCode ?? "";
            }
            var query = limit < 0 ? sql : $"select * from (\n{sql.TrimEnd().TrimEnd(';')}\n) as model_limit_subq\nlimit {limit}";
            var (_, table) = services.Adapter.Execute(query, fetch: true, cancellationToken: cancellationToken);
            var name = inline is not null ? "inline_query" : node.Name;
            if (inv.Output == "json")
            {
                var rows = table.Rows.Select(r => table.ColumnNames.Select((c, i) => (c, v: ResultTable.ToJinjaValue(r[i])))
                    .ToDictionary(p => p.c, p => p.v)).ToList();
                log.Print(JsonSerializer.Serialize(new Dictionary<string, object?> { ["node"] = name, ["show"] = rows }));
            }
            else
            {
                var title = inline is not null ? "Previewing inline node:" : $"Previewing node '{name}':";
                log.Print(title + "\n" + table.ToTableText(int.MaxValue, int.MaxValue).TrimEnd('\n'));
            }
        }
        return 0;
    }
}
