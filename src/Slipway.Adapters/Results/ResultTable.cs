using System.Globalization;
using System.Text;
using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Adapters.Results;

/// <summary>
/// A fetched result set shaped like the agate table dbt hands to macros: <c>column_names</c>,
/// <c>column_types</c>, <c>columns[i].values()</c>, <c>rows</c> (tuples, also readable by column name as
/// attributes) and <c>print_table()</c>/<c>print_csv()</c>. Values are template values: None, bool, int
/// (long), float (double; decimals too), str, and dates/timestamps as .NET values.
/// </summary>
public sealed class ResultTable : IJinjaObject
{
    public static readonly ResultTable Empty = new([], [], []);

    public ResultTable(IReadOnlyList<string> columnNames, IReadOnlyList<string> columnTypes, IReadOnlyList<object?[]> rows)
    {
        ColumnNames = columnNames;
        ColumnTypes = columnTypes;
        Rows = rows;
        Columns = new ResultColumns(this);
    }

    public IReadOnlyList<string> ColumnNames { get; }
    /// <summary>The database type of each column as the driver names it (e.g. <c>INTEGER</c>, <c>VARCHAR</c>).</summary>
    public IReadOnlyList<string> ColumnTypes { get; }
    public IReadOnlyList<object?[]> Rows { get; }
    public ResultColumns Columns { get; }

    /// <summary>Where <c>print_table()</c> and <c>print_csv()</c> write; the engine points it at its log.</summary>
    public static TextWriter Output { get; set; } = Console.Out;

    private List<object?> RowTuples()
    {
        var names = ColumnNames.ToArray();
        var list = new List<object?>(Rows.Count);
        foreach (var row in Rows) list.Add(new PyTuple(row.Select(ToJinjaValue).ToArray(), names));
        return list;
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "column_names" => new PyTuple(ColumnNames.Cast<object?>().ToArray()),
            "column_types" => new PyTuple(ColumnTypes.Cast<object?>().ToArray()),
            "columns" => Columns,
            "rows" => RowTuples(),
            "print_table" => JinjaArgs.Method("print_table", a =>
            {
                Output.Write(ToTableText((int?)JinjaArgs.Long(a, 0, "max_rows") ?? 20,
                    (int?)JinjaArgs.Long(a, 2, "max_column_width") ?? 20));
                return null;
            }),
            "print_csv" => JinjaArgs.Method("print_csv", _ =>
            {
                Output.Write(ToCsv());
                return null;
            }),
            _ => null,
        };
        return value is not null;
    }

    /// <summary>
    /// A driver value as a template value: integers as int, decimals as float (agate's Decimal has no Jinja
    /// peer), dates and timestamps as the ISO text Python's <c>str()</c> prints, since templates mostly print them.
    /// </summary>
    public static object? ToJinjaValue(object? value) => value switch
    {
        null or DBNull => null,
        decimal m => (double)m,
        System.Numerics.BigInteger big when big >= long.MinValue && big <= long.MaxValue => (long)big,
        DateTime or DateOnly or DateTimeOffset or TimeOnly or TimeSpan => Format(value),
        Guid g => g.ToString(),
        _ => Py.FromHost(value),
    };

    internal static string Format(object? value) => value switch
    {
        null => "",
        bool b => b ? "True" : "False",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTime dt => dt.Ticks % TimeSpan.TicksPerSecond == 0
            ? dt.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : dt.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFzzz", CultureInfo.InvariantCulture),
        TimeOnly t => t.ToString("HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>A Markdown-like grid as agate prints it: header, dashes, at most <paramref name="maxRows"/> rows, long cells cut with '...'.</summary>
    public string ToTableText(int maxRows = 20, int maxColumnWidth = 20)
    {
        string Cut(string s) => s.Length > maxColumnWidth ? s[..Math.Max(0, maxColumnWidth - 3)] + "..." : s;
        var shown = Rows.Take(maxRows).Select(r => r.Select(v => Cut(Format(v))).ToArray()).ToList();
        var widths = ColumnNames.Select((n, i) => Math.Max(Cut(n).Length, shown.Count == 0 ? 0 : shown.Max(r => r[i].Length))).ToArray();
        var numeric = Enumerable.Range(0, ColumnNames.Count)
            .Select(i => Rows.Count > 0 && Rows.All(r => r[i] is null or long or int or double or decimal or short or byte)).ToArray();
        var sb = new StringBuilder();
        void Line(IReadOnlyList<string> cells, bool header)
        {
            sb.Append('|');
            for (var i = 0; i < cells.Count; i++)
                sb.Append(' ').Append(numeric[i] && !header ? cells[i].PadLeft(widths[i]) : cells[i].PadRight(widths[i])).Append(" |");
            sb.Append('\n');
        }
        Line(ColumnNames.Select(Cut).ToArray(), true);
        sb.Append('|');
        foreach (var w in widths) sb.Append(' ').Append(new string('-', w)).Append(" |");
        sb.Append('\n');
        foreach (var r in shown) Line(r, false);
        if (Rows.Count > maxRows)
        {
            sb.Append('|');
            foreach (var w in widths) sb.Append(' ').Append("...".PadRight(w)).Append(" |");
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>RFC 4180 CSV with a header row, as <c>print_csv()</c> writes it.</summary>
    public string ToCsv()
    {
        static string Field(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
        var sb = new StringBuilder();
        sb.AppendJoin(',', ColumnNames.Select(Field)).Append("\r\n");
        foreach (var row in Rows) sb.AppendJoin(',', row.Select(v => Field(Format(v)))).Append("\r\n");
        return sb.ToString();
    }

    public override string ToString() => $"<agate.Table {ColumnNames.Count} columns, {Rows.Count} rows>";
}
