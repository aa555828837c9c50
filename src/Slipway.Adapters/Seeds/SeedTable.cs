using Slipway.Adapters.Results;
using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Adapters.Seeds;

/// <summary>
/// A seed file read into memory: the header and each row's raw cells (null for an empty cell or <c>null</c>,
/// as dbt's agate loader treats them). <see cref="Columns"/> holds the inferred type of each column. Templates
/// see it as <c>load_agate_table()</c>'s result: <c>column_names</c>, <c>column_types</c> (agate type names) and
/// <c>rows</c> (typed values), and pass it to <c>adapter.load_seed</c>.
/// </summary>
public sealed class SeedTable : IJinjaObject
{
    internal SeedTable(string path, string[] header, List<string?[]> rows, IReadOnlySet<string> textColumns)
    {
        Path = path;
        Header = header;
        Rows = rows;
        Columns = SeedTypeInference.Infer(header, rows, textColumns);
    }

    public string Path { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<string?[]> Rows { get; }
    public IReadOnlyList<SeedColumn> Columns { get; }

    /// <summary>Row <paramref name="index"/>'s cells as values of their column's inferred kind.</summary>
    public object?[] TypedRow(int index)
    {
        var cells = Rows[index];
        var values = new object?[cells.Length];
        for (var i = 0; i < cells.Length; i++) values[i] = SeedTypeInference.Convert(Columns[i].Kind, cells[i]);
        return values;
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "column_names" => new PyTuple(Header.Cast<object?>().ToArray()),
            "column_types" => new PyTuple(Columns.Select(c => (object?)AgateName(c.Kind)).ToArray()),
            "rows" => Enumerable.Range(0, Rows.Count)
                .Select(i => (object?)new PyTuple(TypedRow(i).Select(ResultTable.ToJinjaValue).ToArray(), Header.ToArray())).ToList(),
            _ => null,
        };
        return value is not null;
    }

    private static string AgateName(SeedValueKind kind) => kind switch
    {
        SeedValueKind.Integer => "Integer",
        SeedValueKind.Number => "Number",
        SeedValueKind.Date => "Date",
        SeedValueKind.DateTime => "DateTime",
        SeedValueKind.IsoDateTime => "ISODateTime",
        SeedValueKind.Boolean => "Boolean",
        _ => "Text",
    };

    public override string ToString() => $"<agate.Table {Header.Count} columns, {Rows.Count} rows>";
}

/// <summary>The type dbt's agate type tester gives a seed column; <see cref="HasDecimals"/> decides integer vs float8 for numbers.</summary>
public sealed record SeedColumn(string Name, SeedValueKind Kind, bool HasDecimals);

/// <summary>agate's types in the order dbt tries them.</summary>
public enum SeedValueKind
{
    Integer,
    Number,
    Date,
    DateTime,
    IsoDateTime,
    Boolean,
    Text,
}
