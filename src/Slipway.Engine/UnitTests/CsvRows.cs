using nietras.SeparatedValues;
using Slipway.Engine.Contexts;

namespace Slipway.Engine.UnitTests;

/// <summary>
/// csv fixture text as dbt reads it (a header, then one mapping per line with text cells), except that an
/// empty cell or <c>null</c> becomes null rather than an empty string that no number or date cast accepts.
/// </summary>
internal static class CsvRows
{
    public static List<IReadOnlyDictionary<string, object?>> Parse(string text)
    {
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        if (string.IsNullOrWhiteSpace(text)) return rows;
        try
        {
            using var reader = Sep.New(',').Reader(o => o with { Unescape = true, HasHeader = true }).FromText(text.TrimStart('\uFEFF'));
            var header = reader.Header.ColNames.Select(n => n.Trim()).ToArray();
            foreach (var row in reader)
            {
                var cells = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
                for (var i = 0; i < header.Length; i++)
                {
                    var cell = row[i].ToString();
                    cells[header[i]] = cell.Trim().Length == 0 || cell.Trim().Equals("null", StringComparison.OrdinalIgnoreCase) ? null : cell;
                }
                rows.Add(cells);
            }
        }
        catch (InvalidDataException e)
        {
            throw new CompilerException("The csv rows are not valid CSV: " + e.Message.Split('\n')[0]);
        }
        return rows;
    }
}
