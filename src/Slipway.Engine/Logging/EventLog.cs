using System.Text;
using System.Text.Json;
using Slipway.Engine.Project;

namespace Slipway.Engine.Logging;

/// <summary>
/// dbt's event output: console lines as <c>HH:mm:ss  message</c> (or one JSON object per line with
/// <c>--log-format json</c>), and every event — debug lines and stack traces included — in the debug log file
/// <c>logs/dbt.log</c>. Secrets are masked before anything is written. Thread-safe: runner threads log concurrently.
/// </summary>
public sealed class EventLog : IDisposable
{
    private readonly object _gate = new();
    private readonly TextWriter _console;
    private readonly TextWriter? _file;
    private readonly SecretMasker _masker;
    private readonly Func<DateTime> _clock;
    private readonly int _mainThreadId = Environment.CurrentManagedThreadId;

    public EventLog(TextWriter console, EventLogOptions options, SecretMasker masker, Func<DateTime>? clock = null)
    {
        _console = console;
        Options = options;
        _masker = masker;
        _clock = clock ?? (() => DateTime.UtcNow);
        if (options.LogFile is not null)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(options.LogFile)!);
                Rotate(options.LogFile);
                _file = new StreamWriter(options.LogFile, append: true, new UTF8Encoding(false)) { AutoFlush = true };
                var now = _clock();
                _file.WriteLine();
                _file.WriteLine($"============================== {now:HH:mm:ss.ffffff} | {options.InvocationId} ==============================");
            }
            catch (IOException)
            {
                // A read-only project must still run; the console keeps every user-facing line.
                _file = null;
            }
            catch (UnauthorizedAccessException)
            {
                _file = null;
            }
        }
    }

    public EventLogOptions Options { get; }

    public const long MaxLogFileBytes = 10 * 1024 * 1024;
    public const int LogFileBackups = 5;

    // Like dbt's rotating debug log: past 10 MB, dbt.log becomes dbt.log.1 (older ones shift up, five are kept).
    internal static void Rotate(string file)
    {
        var info = new FileInfo(file);
        if (!info.Exists || info.Length < MaxLogFileBytes) return;
        File.Delete($"{file}.{LogFileBackups}");
        for (var i = LogFileBackups - 1; i >= 1; i--)
            if (File.Exists($"{file}.{i}")) File.Move($"{file}.{i}", $"{file}.{i + 1}");
        File.Move(file, $"{file}.1");
    }

    public void Info(string message, string name = "Note") => Write(EventLevel.Info, name, message);
    public void Warn(string message, string name = "Note") => Write(EventLevel.Warn, name, "[WARNING]: " + message);
    public void Error(string message, string name = "Note") => Write(EventLevel.Error, name, message);
    public void Debug(string message, string name = "Note") => Write(EventLevel.Debug, name, message);

    /// <summary>An exception's stack trace: to the debug log file only (and the console with <c>--debug</c>).</summary>
    public void StackTrace(Exception exception) => Write(EventLevel.Debug, "MainStackTrace", exception.ToString());

    /// <summary>Output the user asked for (<c>ls</c>, <c>compile --inline</c>): printed even with <c>--quiet</c>, no timestamp in text mode.</summary>
    public void Print(string message) => Write(EventLevel.Print, "PrintEvent", message);

    public void Write(EventLevel level, string name, string message) => Write(level, name, message, null, null);

    /// <summary>
    /// An event about one node (start, result, skip): in JSON mode <c>info.code</c> is dbt's event code and
    /// <c>data.node_info</c> carries the node's unique_id, status and timing, which services reading the stream use.
    /// </summary>
    public void Write(EventLevel level, string name, string message, string? code, IReadOnlyDictionary<string, object?>? nodeInfo)
    {
        message = _masker.Apply(message);
        var now = _clock();
        lock (_gate)
        {
            if (Passes(level, Options.FileLevel, fileDefault: true))
                _file?.WriteLine($"{now:HH:mm:ss.ffffff} [{LevelName(level),-5}] [{ThreadName()}]: {message}");
            if (!ShowOnConsole(level)) return;
            if (Options.Format == "json") _console.WriteLine(Json(level, name, message, now, code, nodeInfo));
            else if (level == EventLevel.Print) _console.WriteLine(message);
            else if (Options.Format == "debug") _console.WriteLine($"{now:HH:mm:ss.ffffff} [{LevelName(level),-5}] [{ThreadName()}]: {message}");
            else _console.WriteLine($"{now:HH:mm:ss}  {message}");
        }
    }

    private bool ShowOnConsole(EventLevel level) => level switch
    {
        EventLevel.Print => Options.ConsoleLevel != "none",
        EventLevel.Error => Options.ConsoleLevel != "none",
        EventLevel.Debug => Options.Debug || Options.ConsoleLevel == "debug",
        _ => !Options.Quiet && Passes(level, Options.ConsoleLevel, fileDefault: false),
    };

    // dbt's --log-level / --log-level-file: debug < info < warn < error < none. The file keeps debug by default.
    private static bool Passes(EventLevel level, string? threshold, bool fileDefault)
    {
        var rank = level switch { EventLevel.Debug => 0, EventLevel.Warn => 2, EventLevel.Error => 3, _ => 1 };
        var min = threshold switch { "debug" => 0, "info" => 1, "warn" => 2, "error" => 3, "none" => 4, _ => fileDefault ? 0 : 1 };
        return rank >= min;
    }

    private string Json(EventLevel level, string name, string message, DateTime now, string? code = null,
        IReadOnlyDictionary<string, object?>? nodeInfo = null)
    {
        var data = new Dictionary<string, object?> { ["msg"] = message };
        if (nodeInfo is not null) data["node_info"] = nodeInfo;
        var record = new Dictionary<string, object?>
        {
            ["data"] = data,
            ["info"] = new Dictionary<string, object?>
            {
                ["category"] = "",
                ["code"] = code ?? EventCodes.GetValueOrDefault(name, ""),
                ["extra"] = new Dictionary<string, object?>(),
                ["invocation_id"] = Options.InvocationId,
                ["level"] = LevelName(level),
                ["msg"] = message,
                ["name"] = name,
                ["pid"] = Environment.ProcessId,
                ["thread"] = ThreadName(),
                ["ts"] = now.ToString("yyyy-MM-ddTHH:mm:ss.ffffffZ"),
            },
        };
        return JsonSerializer.Serialize(record);
    }

    // dbt's event codes for the events Slipway writes (the deployment service keys on these).
    private static readonly Dictionary<string, string> EventCodes = new(StringComparer.Ordinal)
    {
        ["MainReportVersion"] = "A001", ["AdapterRegistered"] = "E034", ["MainEncounteredError"] = "Z002", ["MainStackTrace"] = "Z004",
        ["FoundStats"] = "W013", ["ConcurrencyLine"] = "Q026", ["HooksRunning"] = "E040",
        ["LogHookStartLine"] = "Q032", ["LogHookEndLine"] = "Q033", ["LogStartLine"] = "Q011",
        ["LogModelResult"] = "Q012", ["LogTestResult"] = "Q007", ["LogSeedResult"] = "Q016",
        ["LogSnapshotResult"] = "Q015", ["SkippingDetails"] = "Z033", ["FinishedRunningStats"] = "E047",
        ["EndOfRunSummary"] = "Z030", ["RunResultError"] = "Z024", ["RunResultFailure"] = "Z025",
        ["CheckNodeTestFailure"] = "Z027", ["StatsLine"] = "Z023", ["JinjaLogInfo"] = "I062",
        ["JinjaLogDebug"] = "I063", ["Note"] = "Z050", ["PrintEvent"] = "Z052",
    };

    // dbt names the thread that started the invocation MainThread and its runners "Thread-N (worker)".
    private string ThreadName() => Environment.CurrentManagedThreadId == _mainThreadId
        ? "MainThread" : Thread.CurrentThread.Name ?? $"Thread-{Environment.CurrentManagedThreadId}";

    private static string LevelName(EventLevel level) => level switch
    {
        EventLevel.Debug => "debug",
        EventLevel.Warn => "warn",
        EventLevel.Error => "error",
        _ => "info",
    };

    public void Dispose() => _file?.Dispose();
}

public enum EventLevel
{
    Debug,
    Info,
    Print,
    Warn,
    Error,
}

/// <summary>
/// How events are shown: <see cref="Format"/> is dbt's <c>--log-format</c> (<c>default</c>/<c>text</c>, <c>debug</c>,
/// <c>json</c>); <see cref="ConsoleLevel"/> and <see cref="FileLevel"/> are <c>--log-level</c> and
/// <c>--log-level-file</c> (null: info on the console, debug in the file).
/// </summary>
public sealed record EventLogOptions(string Format, bool Quiet, bool Debug, string? LogFile, string InvocationId,
    string? ConsoleLevel = null, string? FileLevel = null);
