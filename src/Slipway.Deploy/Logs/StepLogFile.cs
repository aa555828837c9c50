using System.Text;
using System.Text.Json;

namespace Slipway.Deploy.Logs;

/// <summary>
/// A step's log: one text line per engine event, masked, appended to <c>runs/&lt;id&gt;/logs/&lt;step&gt;.log</c> and
/// flushed line by line so readers (the paged API, the live stream, other nodes) see it as it is written.
/// </summary>
internal sealed class StepLogFile : IDisposable
{
    private readonly StreamWriter writer;
    private readonly SecretMasker masker;
    private readonly Queue<string> tail = new();
    private readonly object gate = new();

    public StepLogFile(string path, SecretMasker masker)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete), new UTF8Encoding(false));
        this.masker = masker;
    }

    public static string PathFor(DeployOptions options, int runId, int stepIndex) =>
        Path.Combine(options.DataDir, "runs", runId.ToString(System.Globalization.CultureInfo.InvariantCulture), "logs",
            stepIndex.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".log");

    /// <summary>Writes one output line of the engine: a JSON event becomes its time and message, anything else is kept as is.</summary>
    public void WriteEngineLine(string raw) => Write(Render(raw));

    public void Write(string text)
    {
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            var masked = masker.Apply(line);
            lock (gate)
            {
                writer.Write(masked);
                writer.Write('\n');
                writer.Flush();
                tail.Enqueue(masked);
                if (tail.Count > 200) tail.Dequeue();
            }
        }
    }

    /// <summary>The last lines written (kept with the step row for clients that read the run at once).</summary>
    public string Tail()
    {
        lock (gate) return string.Join('\n', tail);
    }

    private static string Render(string raw)
    {
        if (!raw.StartsWith('{')) return raw;
        try
        {
            using var document = JsonDocument.Parse(raw);
            if (!document.RootElement.TryGetProperty("info", out var info)) return raw;
            var message = info.TryGetProperty("msg", out var m) ? m.GetString() ?? "" : "";
            var ts = info.TryGetProperty("ts", out var t) && t.GetString() is { Length: >= 19 } s ? s[11..19] : "";
            return ts.Length == 0 ? message : $"{ts}  {message}";
        }
        catch (JsonException)
        {
            return raw;
        }
    }

    public void Dispose()
    {
        lock (gate) writer.Dispose();
    }
}
