using System.Globalization;
using System.Text;
using Slipway.Adapters.Results;

namespace Slipway.Engine.UnitTests;

/// <summary>
/// Actual against expected rows as multisets (order does not matter, duplicates count), and the table dbt
/// prints when they differ, in daff's notation: a header row marked <c>@@</c>, expected rows the model did not
/// return marked <c>---</c>, returned rows nobody expected marked <c>+++</c>, matching rows unmarked for context,
/// and an expected row and a returned one with the same first column shown as one changed row (<c>→</c>, each
/// differing cell as <c>expected→actual</c>).
/// </summary>
internal sealed class RowDiff
{
    private RowDiff(IReadOnlyList<string> columns, List<(string Marker, string[] Cells)> lines, int missing, int extra)
    {
        Columns = columns;
        Lines = lines;
        Missing = missing;
        Extra = extra;
    }

    public IReadOnlyList<string> Columns { get; }
    public IReadOnlyList<(string Marker, string[] Cells)> Lines { get; }
    /// <summary>Expected rows that were not returned.</summary>
    public int Missing { get; }
    /// <summary>Returned rows that were not expected.</summary>
    public int Extra { get; }
    public bool HasDifference => Missing > 0 || Extra > 0;

    /// <summary>Compares the rows of one result whose last column says <c>actual</c> or <c>expected</c>.</summary>
    public static RowDiff Compare(ResultTable table)
    {
        var width = table.ColumnNames.Count - 1;
        var columns = table.ColumnNames.Take(width).ToList();
        var actual = new List<(string Key, string[] Cells)>();
        var expected = new List<(string Key, string[] Cells)>();
        foreach (var row in table.Rows)
        {
            var values = row.Take(width).ToArray();
            var entry = (Key(values), values.Select(Cell).ToArray());
            (Convert.ToString(row[width], CultureInfo.InvariantCulture) == "actual" ? actual : expected).Add(entry);
        }
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (key, _) in actual) remaining[key] = remaining.GetValueOrDefault(key) + 1;
        var lines = new List<(string, string[])>();
        var missing = 0;
        foreach (var (key, cells) in expected)
        {
            if (remaining.GetValueOrDefault(key) > 0) { remaining[key]--; lines.Add(("", cells)); }
            else { lines.Add(("---", cells)); missing++; }
        }
        var extras = new List<string[]>();
        foreach (var (key, cells) in actual)
        {
            if (remaining.GetValueOrDefault(key) <= 0) continue;
            remaining[key]--;
            extras.Add(cells);
        }
        var extra = extras.Count;
        // Pair a missing row with an unexpected one that has the same first column: one changed row reads better.
        for (var i = 0; i < lines.Count && width > 1; i++)
        {
            if (lines[i].Item1 != "---") continue;
            var e = lines[i].Item2;
            var match = extras.FindIndex(a => a[0] == e[0]);
            if (match < 0) continue;
            var a = extras[match];
            extras.RemoveAt(match);
            lines[i] = ("→", e.Select((cell, c) => cell == a[c] ? cell : cell + "→" + a[c]).ToArray());
        }
        lines.AddRange(extras.Select(cells => ("+++", cells)));
        return new RowDiff(columns, lines, missing, extra);
    }

    /// <summary>The message of a failing unit test: what differs, then the aligned table.</summary>
    public string Render()
    {
        var header = new[] { "@@" }.Concat(Columns).ToArray();
        var rows = Lines.Select(l => new[] { l.Marker }.Concat(l.Cells).ToArray()).ToList();
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        widths[0] = 3;
        string Format(string[] cells) => string.Join(" | ", cells.Select((c, i) => c.PadRight(widths[i]))).TrimEnd();
        var sb = new StringBuilder();
        sb.Append("\n\nactual differs from expected:\n\n");
        sb.Append(Format(header)).Append('\n');
        foreach (var r in rows) sb.Append(Format(r)).Append('\n');
        return sb.ToString();
    }

    /// <summary>The comparison key of a row: its cells as text, with null kept apart from the text "null".</summary>
    private static string Key(object?[] values) =>
        string.Join("\u001f", values.Select(v => v is null or DBNull ? "\u0000" : Cell(v)));

    /// <summary>A cell as text for comparing and printing: null as <c>null</c>, numbers and times invariantly.</summary>
    private static string Cell(object? value) => ResultTable.ToJinjaValue(value) switch
    {
        null => "null",
        string s => s,
        bool b => b ? "True" : "False",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString(t.TimeOfDay == TimeSpan.Zero && t.Kind == DateTimeKind.Unspecified ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.'),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };
}
