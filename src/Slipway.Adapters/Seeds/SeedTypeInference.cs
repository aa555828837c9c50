using System.Globalization;
using System.Text.RegularExpressions;

namespace Slipway.Adapters.Seeds;

/// <summary>
/// dbt's seed type inference (agate's type tester as dbt configures it): a column takes the first of
/// Integer, Number, Date (<c>%Y-%m-%d</c>), DateTime (<c>%Y-%m-%d %H:%M:%S</c>), ISO datetime, Boolean
/// (<c>true</c>/<c>false</c>), Text that every non-null cell parses as. A cell that is empty or <c>null</c>
/// (any case, surrounding blanks ignored) is null; a column of nulls only is Integer.
/// </summary>
public static partial class SeedTypeInference
{
    public static bool IsNull(string? cell)
    {
        if (cell is null) return true;
        var t = cell.AsSpan().Trim();
        return t.Length == 0 || t.Equals("null", StringComparison.OrdinalIgnoreCase);
    }

    internal static IReadOnlyList<SeedColumn> Infer(string[] header, List<string?[]> rows)
    {
        var columns = new SeedColumn[header.Length];
        for (var c = 0; c < header.Length; c++)
        {
            var candidates = new bool[7];
            Array.Fill(candidates, true);
            var decimals = false;
            foreach (var row in rows)
            {
                var cell = row[c];
                if (cell is null) continue;
                for (var k = 0; k < 6; k++)
                    if (candidates[k] && !Accepts((SeedValueKind)k, cell)) candidates[k] = false;
                if (!decimals && candidates[(int)SeedValueKind.Number] && FractionDigits(cell) > 0) decimals = true;
            }
            var kind = (SeedValueKind)Array.IndexOf(candidates, true);
            columns[c] = new SeedColumn(header[c], kind, kind == SeedValueKind.Number && decimals);
        }
        return columns;
    }

    public static bool Accepts(SeedValueKind kind, string cell) => kind switch
    {
        SeedValueKind.Integer => TryInteger(cell, out _),
        SeedValueKind.Number => TryNumber(cell, out _),
        SeedValueKind.Date => TryDate(cell, out _),
        SeedValueKind.DateTime => TryDateTime(cell, out _),
        SeedValueKind.IsoDateTime => TryIsoDateTime(cell, out _),
        SeedValueKind.Boolean => TryBoolean(cell, out _),
        _ => true,
    };

    /// <summary>The cell as a .NET value of its column's kind: long, decimal, DateTime, bool or string (null for null cells).</summary>
    public static object? Convert(SeedValueKind kind, string? cell)
    {
        if (IsNull(cell)) return null;
        var s = cell!;
        return kind switch
        {
            SeedValueKind.Integer => TryInteger(s, out var l) ? l : throw Bad(kind, s),
            SeedValueKind.Number => TryNumber(s, out var d) ? d : throw Bad(kind, s),
            SeedValueKind.Date => TryDate(s, out var dt) ? dt : throw Bad(kind, s),
            SeedValueKind.DateTime => TryDateTime(s, out var dt2) ? dt2 : throw Bad(kind, s),
            SeedValueKind.IsoDateTime => TryIsoDateTime(s, out var dt3) ? dt3 : throw Bad(kind, s),
            SeedValueKind.Boolean => TryBoolean(s, out var b) ? b : throw Bad(kind, s),
            _ => s,
        };
    }

    private static FormatException Bad(SeedValueKind kind, string cell) => new($"'{cell}' is not a valid {kind}");

    // Python's int(): blanks around, an optional sign, digits with single underscores between them.
    [GeneratedRegex(@"^\s*[+-]?\d+(_\d+)*\s*$")]
    private static partial Regex IntegerPattern();

    public static bool TryInteger(string cell, out long value)
    {
        value = 0;
        if (!IntegerPattern().IsMatch(cell)) return false;
        return long.TryParse(cell.Trim().Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    // agate's Number: currency symbols and the en_US group separator are dropped, then Python's Decimal().
    [GeneratedRegex(@"^[+-]?(\d+(_\d+)*(\.(\d+(_\d+)*)?)?|\.\d+(_\d+)*)([eE][+-]?\d+)?$")]
    private static partial Regex DecimalPattern();

    private static string NumberText(string cell)
    {
        var t = cell.Trim();
        if (t.IndexOfAny(['$', '€', '£', '¥', ',', '_']) >= 0)
            t = t.Replace("$", "").Replace("€", "").Replace("£", "").Replace("¥", "").Replace(",", "").Replace("_", "").Trim();
        return t;
    }

    public static bool TryNumber(string cell, out decimal value)
    {
        value = 0;
        var t = NumberText(cell);
        if (!DecimalPattern().IsMatch(t)) return false;
        return decimal.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Digits after the decimal point once the exponent is applied (agate's MaxPrecision of one value).</summary>
    internal static int FractionDigits(string cell)
    {
        var t = NumberText(cell);
        var e = t.IndexOfAny(['e', 'E']);
        var exponent = 0;
        if (e >= 0)
        {
            int.TryParse(t[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent);
            t = t[..e];
        }
        var dot = t.IndexOf('.');
        var fraction = dot < 0 ? 0 : t.Length - dot - 1;
        return Math.Max(0, fraction - exponent);
    }

    // strptime('%Y-%m-%d'): four-digit year, month and day with or without a leading zero.
    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")]
    private static partial Regex DatePattern();

    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2}) (\d{1,2}):(\d{1,2}):(\d{1,2})$")]
    private static partial Regex DateTimePattern();

    public static bool TryDate(string cell, out DateTime value)
    {
        value = default;
        var m = DatePattern().Match(cell);
        return m.Success && TryMake(m, false, out value);
    }

    public static bool TryDateTime(string cell, out DateTime value)
    {
        value = default;
        var m = DateTimePattern().Match(cell);
        return m.Success && TryMake(m, true, out value);
    }

    private static bool TryMake(Match m, bool time, out DateTime value)
    {
        value = default;
        int G(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        var (y, mo, d) = (G(1), G(2), G(3));
        if (mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(Math.Max(1, y), mo) || y < 1) return false;
        var (h, mi, s) = time ? (G(4), G(5), G(6)) : (0, 0, 0);
        if (h > 23 || mi > 59 || s > 59) return false;
        value = new DateTime(y, mo, d, h, mi, s, DateTimeKind.Unspecified);
        return true;
    }

    // isodate.parse_datetime: an ISO 8601 date, 'T', an ISO time with optional fraction and zone.
    [GeneratedRegex(@"^(\d{4})-?(\d{2})-?(\d{2})T(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex IsoPattern();

    public static bool TryIsoDateTime(string cell, out DateTime value)
    {
        value = default;
        var m = IsoPattern().Match(cell);
        if (!m.Success) return false;
        int G(int i, int dflt = 0) => m.Groups[i].Success ? int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture) : dflt;
        var (y, mo, d, h, mi, s) = (G(1), G(2), G(3), G(4), G(5), G(6));
        if (y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return false;
        var ticks = 0L;
        if (m.Groups[7].Success)
        {
            var frac = (m.Groups[7].Value + "0000000")[..7];
            ticks = long.Parse(frac, CultureInfo.InvariantCulture);
        }
        var local = new DateTime(y, mo, d, h, mi, s, DateTimeKind.Unspecified).AddTicks(ticks);
        if (!m.Groups[8].Success) { value = local; return true; }
        // A zone shifts the value to UTC, which is what a timestamp without time zone keeps.
        var zone = m.Groups[8].Value;
        if (zone == "Z") { value = local; return true; }
        var sign = zone[0] == '-' ? -1 : 1;
        var digits = zone[1..].Replace(":", "");
        var offset = new TimeSpan(int.Parse(digits[..2], CultureInfo.InvariantCulture), digits.Length > 2 ? int.Parse(digits[2..], CultureInfo.InvariantCulture) : 0, 0);
        value = local - sign * offset;
        return true;
    }

    public static bool TryBoolean(string cell, out bool value)
    {
        var t = cell.Trim();
        value = t.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || t.Equals("false", StringComparison.OrdinalIgnoreCase);
    }
}
