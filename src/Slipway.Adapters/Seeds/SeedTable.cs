namespace Slipway.Adapters.Seeds;

/// <summary>
/// A seed file read into memory: the header and each row's raw cells (null for an empty cell or <c>null</c>,
/// as dbt's agate loader treats them). <see cref="Columns"/> holds the inferred type of each column.
/// </summary>
public sealed class SeedTable
{
    internal SeedTable(string path, string[] header, List<string?[]> rows)
    {
        Path = path;
        Header = header;
        Rows = rows;
        Columns = SeedTypeInference.Infer(header, rows);
    }

    public string Path { get; }
    public IReadOnlyList<string> Header { get; }
    public IReadOnlyList<string?[]> Rows { get; }
    public IReadOnlyList<SeedColumn> Columns { get; }
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
