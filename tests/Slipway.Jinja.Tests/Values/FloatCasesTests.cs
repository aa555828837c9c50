using System.Globalization;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Tests.Values;

/// <summary>
/// Float printing against Python on hundreds of doubles (random bit patterns, rounded decimals, wide
/// magnitudes): repr, printf-style and format() conversions, from FloatCases.tsv (generate_float_cases.py).
/// </summary>
public sealed class FloatCasesTests
{
    [Fact]
    public void EveryFloatPrintsAsPythonPrintsIt()
    {
        var failures = new List<string>();
        foreach (var line in CaseFile.ReadLines("Values/FloatCases.tsv"))
        {
            if (line.Length == 0) continue;
            var c = line.Split('\t');
            var value = BitConverter.Int64BitsToDouble(long.Parse(c[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            var actual = c[1] switch
            {
                "repr" => Py.Repr(value),
                var f when f.StartsWith('%') => (string)Py.Binary("%", f, value)!,
                var f => (string)Py.Call(Py.TryGetAttr(f, "format", out var m) ? m : null, new Arguments([value]))!,
            };
            if (actual != c[2]) failures.Add($"{Py.Repr(value)} {c[1]}: expected {c[2]}, got {actual}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} mismatches:\n" + string.Join('\n', failures.Take(40)));
    }
}
