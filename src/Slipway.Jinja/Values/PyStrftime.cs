using System.Globalization;
using System.Text;

namespace Slipway.Jinja.Values;

/// <summary>strftime as CPython on glibc formats in the C locale (what dbt's run_started_at.strftime(...) prints).</summary>
internal static class PyStrftime
{
    private static readonly string[] DayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    private static readonly string[] MonthNames = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static string Format(DateTime t, TimeSpan? offset, string format)
    {
        var sb = new StringBuilder();
        var weekday = ((int)t.DayOfWeek + 6) % 7; // Monday = 0, as Python counts
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (c != '%' || i + 1 >= format.Length)
            {
                sb.Append(c);
                continue;
            }
            var d = format[++i];
            switch (d)
            {
                case 'a': sb.Append(DayNames[weekday][..3]); break;
                case 'A': sb.Append(DayNames[weekday]); break;
                case 'w': sb.Append((weekday + 1) % 7); break;
                case 'u': sb.Append(weekday + 1); break;
                case 'd': sb.Append(t.Day.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'e': sb.Append(t.Day.ToString(CultureInfo.InvariantCulture).PadLeft(2)); break;
                case 'b' or 'h': sb.Append(MonthNames[t.Month - 1][..3]); break;
                case 'B': sb.Append(MonthNames[t.Month - 1]); break;
                case 'm': sb.Append(t.Month.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'y': sb.Append((t.Year % 100).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'Y': sb.Append(t.Year.ToString(CultureInfo.InvariantCulture)); break;
                case 'H': sb.Append(t.Hour.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'I': sb.Append(((t.Hour + 11) % 12 + 1).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'p': sb.Append(t.Hour < 12 ? "AM" : "PM"); break;
                case 'M': sb.Append(t.Minute.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'S': sb.Append(t.Second.ToString("00", CultureInfo.InvariantCulture)); break;
                case 'f': sb.Append((t.Ticks % TimeSpan.TicksPerSecond / 10).ToString("000000", CultureInfo.InvariantCulture)); break;
                case 'z': if (offset is { } z) sb.Append(PyTimeZone.OffsetText(z, "")); break;
                case 'Z': if (offset is { } n) sb.Append(new PyTimeZone(n).PyStr()); break;
                case 'j': sb.Append(t.DayOfYear.ToString("000", CultureInfo.InvariantCulture)); break;
                case 'U': sb.Append(((t.DayOfYear + 6 - (int)t.DayOfWeek) / 7).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'W': sb.Append(((t.DayOfYear + 6 - weekday) / 7).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'G': sb.Append(ISOWeek.GetYear(t).ToString(CultureInfo.InvariantCulture)); break;
                case 'V': sb.Append(ISOWeek.GetWeekOfYear(t).ToString("00", CultureInfo.InvariantCulture)); break;
                case 'c': sb.Append(Format(t, offset, "%a %b %e %H:%M:%S %Y")); break;
                case 'x': sb.Append(Format(t, offset, "%m/%d/%y")); break;
                case 'X': sb.Append(Format(t, offset, "%H:%M:%S")); break;
                case 'D': sb.Append(Format(t, offset, "%m/%d/%y")); break;
                case 'F': sb.Append(Format(t, offset, "%Y-%m-%d")); break;
                case 'T': sb.Append(Format(t, offset, "%H:%M:%S")); break;
                case 'R': sb.Append(Format(t, offset, "%H:%M")); break;
                case 'n': sb.Append('\n'); break;
                case 't': sb.Append('\t'); break;
                case '%': sb.Append('%'); break;
                default: sb.Append('%').Append(d); break;
            }
        }
        return sb.ToString();
    }
}
