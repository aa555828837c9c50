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

    internal static IReadOnlyList<SeedColumn> Infer(string[] header, List<string?[]> rows, IReadOnlySet<string> textColumns)
    {
        var columns = new SeedColumn[header.Length];
        for (var c = 0; c < header.Length; c++)
        {
            if (textColumns.Contains(header[c]))
            {
                columns[c] = new SeedColumn(header[c], SeedValueKind.Text, false);
                continue;
            }
            var candidates = new bool[7];
            Array.Fill(candidates, true);
            var decimals = false;
            var remaining = 6;
            foreach (var row in rows)
            {
                var cell = row[c];
                if (cell is null) continue;
                // Once only Text fits, no later cell can change the answer.
                if (remaining == 0) break;
                for (var k = 0; k < 6; k++)
                    if (candidates[k] && !Accepts((SeedValueKind)k, cell)) { candidates[k] = false; remaining--; }
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
    public static bool TryInteger(string cell, out long value)
    {
        value = 0;
        var t = cell.AsSpan().Trim();
        var i = t.Length > 0 && (t[0] == '+' || t[0] == '-') ? 1 : 0;
        if (i >= t.Length) return false;
        var underscores = false;
        for (var k = i; k < t.Length; k++)
        {
            var ch = t[k];
            if (char.IsAsciiDigit(ch)) continue;
            // An underscore must sit between two digits.
            if (ch == '_' && k > i && k + 1 < t.Length && char.IsAsciiDigit(t[k - 1]) && char.IsAsciiDigit(t[k + 1])) { underscores = true; continue; }
            return false;
        }
        return underscores
            ? long.TryParse(t.ToString().Replace("_", ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value)
            : long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    // agate's Number: currency symbols and the en_US group separator are dropped, then Python's Decimal()
    // grammar: a sign, digits with an optional point (at least one digit), an optional exponent.
    private static bool IsDecimalText(ReadOnlySpan<char> t)
    {
        var i = 0;
        if (i < t.Length && t[i] is '+' or '-') i++;
        var digits = 0;
        while (i < t.Length && char.IsAsciiDigit(t[i])) { i++; digits++; }
        if (i < t.Length && t[i] == '.')
        {
            i++;
            while (i < t.Length && char.IsAsciiDigit(t[i])) { i++; digits++; }
        }
        if (digits == 0) return false;
        if (i < t.Length && t[i] is 'e' or 'E')
        {
            i++;
            if (i < t.Length && t[i] is '+' or '-') i++;
            var exp = 0;
            while (i < t.Length && char.IsAsciiDigit(t[i])) { i++; exp++; }
            if (exp == 0) return false;
        }
        return i == t.Length;
    }

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
        // .NET's parser alone also takes forms Python refuses (thousands separators, blanks inside).
        if (!IsDecimalText(t)) return false;
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

    // strptime('%Y-%m-%d') and '%Y-%m-%d %H:%M:%S': a four-digit year, other fields with or without a leading zero.
    public static bool TryDate(string cell, out DateTime value)
    {
        value = default;
        var i = 0;
        return ReadDate(cell, ref i, out var y, out var mo, out var d) && i == cell.Length && TryMake(y, mo, d, 0, 0, 0, out value);
    }

    public static bool TryDateTime(string cell, out DateTime value)
    {
        value = default;
        var i = 0;
        if (!ReadDate(cell, ref i, out var y, out var mo, out var d) || i >= cell.Length || cell[i++] != ' ') return false;
        if (!ReadNumber(cell, ref i, 1, 2, out var h) || i >= cell.Length || cell[i++] != ':') return false;
        if (!ReadNumber(cell, ref i, 1, 2, out var mi) || i >= cell.Length || cell[i++] != ':') return false;
        if (!ReadNumber(cell, ref i, 1, 2, out var sec) || i != cell.Length) return false;
        return TryMake(y, mo, d, h, mi, sec, out value);
    }

    private static bool ReadDate(string s, ref int i, out int y, out int mo, out int d)
    {
        mo = d = 0;
        return ReadNumber(s, ref i, 4, 4, out y) && i < s.Length && s[i++] == '-'
            && ReadNumber(s, ref i, 1, 2, out mo) && i < s.Length && s[i++] == '-'
            && ReadNumber(s, ref i, 1, 2, out d);
    }

    private static bool ReadNumber(string s, ref int i, int min, int max, out int value)
    {
        value = 0;
        var start = i;
        while (i < s.Length && i - start < max && char.IsAsciiDigit(s[i])) value = value * 10 + (s[i++] - '0');
        return i - start >= min;
    }

    private static bool TryMake(int y, int mo, int d, int h, int mi, int s, out DateTime value)
    {
        value = default;
        if (y < 1 || mo is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return false;
        value = new DateTime(y, mo, d, h, mi, s, DateTimeKind.Unspecified);
        return true;
    }

    // isodate.parse_datetime: an ISO 8601 date, 'T', an ISO time with optional fraction and zone.
    [GeneratedRegex(@"^(\d{4})-?(\d{2})-?(\d{2})T(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$")]
    private static partial Regex IsoPattern();

    public static bool TryIsoDateTime(string cell, out DateTime value)
    {
        value = default;
        if (cell.Length < 11 || cell.IndexOf('T', 6) < 0) return false;
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
