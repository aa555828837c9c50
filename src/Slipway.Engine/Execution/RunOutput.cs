using System.Globalization;
using Slipway.Engine.Logging;
using Slipway.Engine.Manifest;

namespace Slipway.Engine.Execution;

/// <summary>
/// dbt's console lines for a run: <c>1 of 12 START sql table model main.orders ..... [RUN]</c>, the result lines
/// (<c>[OK in 0.12s]</c>, <c>[PASS]</c>, <c>[FAIL 3]</c>, <c>[WARN 1]</c>, <c>[ERROR]</c>, <c>[SKIP]</c>), and the
/// end-of-run summary. Each node event also carries its node_info for <c>--log-format json</c>.
/// </summary>
internal sealed class RunOutput(EventLog log, string targetDatabase)
{
    private const int PrinterWidth = 80;

    /// <summary>dbt's <c>format_fancy_output_line</c>: "i of n message" padded with dots to 80 columns, then [status].</summary>
    public static string Line(string message, string status, int index, int total, double? seconds = null)
    {
        var prefix = $"{index} of {total} {message} ";
        var justified = prefix.PadRight(PrinterWidth, '.');
        var time = seconds is { } s ? string.Format(CultureInfo.InvariantCulture, " in {0:0.00}s", s) : "";
        return $"{justified} [{status}{time}]";
    }

    /// <summary>How dbt names a node on its lines: <c>sql table model main.orders</c>, <c>seed file main.raw</c>, <c>test not_null_x</c>.</summary>
    public string Describe(ManifestNode node) => node switch
    {
        _ when Microbatch.MicrobatchRunner.Applies(node) => $"{node.Language} microbatch model {Representation(node)}",
        SeedNode => $"seed file {Representation(node)}",
        SnapshotNode => $"snapshot {Representation(node)}",
        GenericTestNode or SingularTestNode => $"test {node.Name}",
        UnitTests.UnitTestNode unit => $"unit_test {unit.DisplayName}",
        _ => $"{node.Language} {node.Config.Materialized ?? "view"} model {Representation(node)}",
    };

    /// <summary><c>schema.alias</c>, or <c>database.schema.alias</c> when the node is in another database.</summary>
    public string Representation(ManifestNode node) =>
        node.Database is { } db && !db.Equals(targetDatabase, StringComparison.OrdinalIgnoreCase)
            ? $"{db}.{node.Schema}.{node.Alias}" : $"{node.Schema}.{node.Alias}";

    public void Start(ManifestNode node, int index, int total, DateTimeOffset started) =>
        log.Write(EventLevel.Info, "LogStartLine", Line($"START {Describe(node)}", "RUN", index, total), "Q011",
            NodeInfo(node, "started", started, null));

    public void Result(NodeResult result, int index, int total, DateTimeOffset started)
    {
        var node = result.Node;
        string message, status;
        var level = EventLevel.Info;
        // dbt names a unit test model::test on its result lines.
        var testName = node is UnitTests.UnitTestNode unit ? unit.DisplayName : node.Name;
        var (name, code) = node switch
        {
            SeedNode => ("LogSeedResult", "Q016"),
            SnapshotNode => ("LogSnapshotResult", "Q015"),
            GenericTestNode or SingularTestNode or UnitTests.UnitTestNode => ("LogTestResult", "Q007"),
            _ => ("LogModelResult", "Q012"),
        };
        switch (result.Status)
        {
            case "pass":
                (message, status) = ($"PASS {testName}", "PASS");
                break;
            case "fail":
                (message, status, level) = ($"FAIL {result.Failures} {testName}", $"FAIL {result.Failures}", EventLevel.Error);
                break;
            case "warn":
                (message, status, level) = ($"WARN {result.Failures} {testName}", $"WARN {result.Failures}", EventLevel.Warn);
                break;
            case "error":
                level = EventLevel.Error;
                status = "ERROR";
                message = node switch
                {
                    SeedNode => $"ERROR loading {Describe(node)}",
                    SnapshotNode => $"ERROR snapshotting {Describe(node)}",
                    GenericTestNode or SingularTestNode or UnitTests.UnitTestNode => $"ERROR {testName}",
                    _ => $"ERROR creating {Describe(node)}",
                };
                break;
            case "partial success":
                (message, status, level) = ($"PARTIALLY created {Describe(node)}", result.Message ?? "PARTIAL SUCCESS", EventLevel.Warn);
                break;
            default:
                status = result.Message ?? "OK";
                message = node switch
                {
                    SeedNode => $"OK loaded {Describe(node)}",
                    SnapshotNode => $"OK snapshotted {Representation(node)}",
                    _ => $"OK created {Describe(node)}",
                };
                break;
        }
        log.Write(level, name, Line(message, status, index, total, result.ExecutionTime), code,
            NodeInfo(node, result.Status, started, DateTimeOffset.UtcNow, result));
    }

    public void Skip(NodeResult result, int index, int total)
    {
        var node = result.Node;
        var what = node is GenericTestNode or SingularTestNode ? $"test {node.Name}" : node is UnitTests.UnitTestNode ? $"unit_test {node.Name}" : node is SeedNode ? $"seed file {Representation(node)}" : $"relation {Representation(node)}";
        log.Write(EventLevel.Info, "SkippingDetails", Line($"SKIP {what}", "SKIP", index, total), "Z033",
            NodeInfo(node, "skipped", null, null, result));
    }

    /// <summary>dbt's <c>node_info</c> for structured logs, plus the result's status, message and failures.</summary>
    public static IReadOnlyDictionary<string, object?> NodeInfo(ManifestNode node, string status, DateTimeOffset? started, DateTimeOffset? finished, NodeResult? result = null)
    {
        var info = new Dictionary<string, object?>
        {
            ["unique_id"] = node.UniqueId,
            ["node_name"] = node.Name,
            ["node_path"] = node.Path,
            ["resource_type"] = node.ResourceType.ToDbtString(),
            ["materialized"] = node.Config.Materialized,
            ["node_status"] = status,
            ["node_started_at"] = started?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture) ?? "",
            ["node_finished_at"] = finished?.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.ffffff", CultureInfo.InvariantCulture) ?? "",
            ["node_relation"] = new Dictionary<string, object?>
            {
                ["database"] = node.Database, ["schema"] = node.Schema, ["alias"] = node.Alias, ["relation_name"] = node.RelationName,
            },
        };
        if (result is not null)
        {
            info["execution_time"] = result.ExecutionTime;
            info["message"] = result.Message;
            info["failures"] = result.Failures;
        }
        return info;
    }
}
