using nietras.SeparatedValues;

namespace Slipway.Adapters.Seeds;

/// <summary>Reads a seed CSV the way dbt does: first row is the header, a BOM is dropped, empty and <c>null</c> cells are null.</summary>
public static class SeedFile
{
    /// <param name="textColumns">Columns read as text whatever they hold: those with a <c>column_types</c> override, as dbt does.</param>
    /// <exception cref="AdapterException">The file is not valid CSV; the message names the file and line.</exception>
    public static SeedTable Read(string path, string delimiter = ",", IEnumerable<string>? textColumns = null)
    {
        if (delimiter.Length != 1)
            throw new AdapterException($"{path}: the seed delimiter must be one character, got '{delimiter}'.");
        try
        {
            using var reader = Sep.New(delimiter[0])
                .Reader(o => o with { Unescape = true, HasHeader = true })
                .FromFile(path);
            var header = reader.Header.ColNames.ToArray();
            if (header.Length > 0) header[0] = header[0].TrimStart('\uFEFF');
            var rows = new List<string?[]>();
            foreach (var row in reader)
            {
                var cells = new string?[header.Length];
                for (var i = 0; i < header.Length; i++)
                {
                    var span = row[i].Span;
                    cells[i] = IsNullCell(span) ? null : span.ToString();
                }
                rows.Add(cells);
            }
            return new SeedTable(path, header, rows, textColumns?.ToHashSet() ?? []);
        }
        catch (InvalidDataException e)
        {
            throw new AdapterException($"{path}: not a valid CSV file: {e.Message.Split('\n')[0]}", e.Message, e);
        }
    }

    private static bool IsNullCell(ReadOnlySpan<char> cell)
    {
        var t = cell.Trim();
        return t.Length == 0 || t.Equals("null", StringComparison.OrdinalIgnoreCase);
    }
}
