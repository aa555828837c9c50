using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Slipway.Bench;

/// <summary>What the seed benchmarks of every adapter share: the synthetic CSV, best-of timing and the table rows.</summary>
internal sealed class SeedBench(int rows, int repeats)
{
    public int Rows { get; } = rows;

    public static SeedBench FromArgs(string[] args, int defaultRepeats) => new(
        args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000,
        args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : defaultRepeats);

    public string Describe(string csv) =>
        $"Seed of {Rows:N0} rows, 7 columns ({new FileInfo(csv).Length / 1024.0 / 1024.0:F1} MB)";

    /// <summary>Best wall time in milliseconds over the repeats, after one warm-up call.</summary>
    public double Measure(Action body)
    {
        body();
        var best = double.MaxValue;
        for (var i = 0; i < repeats; i++)
        {
            var sw = Stopwatch.StartNew();
            body();
            best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
        }
        return best;
    }

    public string Repeats => $"best of {repeats}";

    /// <summary>Prints the Markdown header; rows then compare each path with <paramref name="baselineMs"/>.</summary>
    public Action<string, double> Table(string baselineName, double baselineMs)
    {
        Console.WriteLine();
        Console.WriteLine($"| path | ms | rows/s | vs {baselineName} |");
        Console.WriteLine("|---|---:|---:|---:|");
        return (name, ms) => Console.WriteLine($"| {name} | {ms:F1} | {Rows / (ms / 1000):N0} | {ms / baselineMs:F2}x |");
    }

    /// <summary>A CSV with an integer, a number, text, a date, a timestamp, a boolean and a zip code per row.</summary>
    public void WriteCsv(string path)
    {
        var sb = new StringBuilder("id,amount,name,day,at,flag,zip\n");
        var start = new DateTime(2024, 1, 1);
        for (var i = 1; i <= Rows; i++)
        {
            var day = start.AddDays(i % 365);
            sb.Append(CultureInfo.InvariantCulture,
                $"{i},{i % 1000}.25,customer {i},{day:yyyy-MM-dd},{day:yyyy-MM-dd} {i % 24:00}:{i % 60:00}:00,{(i % 3 == 0 ? "true" : "false")},{i % 90000 + 10000}\n");
        }
        File.WriteAllText(path, sb.ToString());
    }
}
