using System.Diagnostics;

namespace Slipway.Engine.Compilation.Commands;

/// <summary>With SLIPWAY_PARSE_TRACE=1, prints each step's duration to stderr (for performance work).</summary>
internal readonly struct Trace
{
    private static readonly bool Enabled = Environment.GetEnvironmentVariable("SLIPWAY_PARSE_TRACE") is "1";
    private readonly Stopwatch? _clock;

    private Trace(Stopwatch? clock) => _clock = clock;

    public static Trace Start() => new(Enabled ? Stopwatch.StartNew() : null);

    public void Step(string name)
    {
        if (_clock is null) return;
        Parsing.PartialParsing.PartialParser.Trace("[compile] " + name, _clock);
    }
}
