using Slipway.Jinja;

namespace Slipway.Adapters.Columns;

/// <summary>
/// A column as dbt's <c>Column</c> describes it: name, raw database type and sizes, with the type tests
/// macros use (<c>is_string()</c>, <c>is_number()</c>, …) and <c>data_type</c>, which re-attaches sizes.
/// </summary>
public sealed class Column(string name, string dataType, long? charSize = null, long? numericPrecision = null, long? numericScale = null)
    : IJinjaObject
{
    // dbt's Column uses these spellings; DuckDB's own names (varchar, double, hugeint, …) are added so its
    // information_schema types classify the same way.
    private static readonly HashSet<string> StringTypes = new(StringComparer.OrdinalIgnoreCase)
        { "text", "character varying", "character", "varchar", "char", "string", "bpchar" };
    private static readonly HashSet<string> IntegerTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "smallint", "integer", "bigint", "smallserial", "serial", "bigserial", "int2", "int4", "int8",
        "serial2", "serial4", "serial8", "tinyint", "hugeint", "int", "utinyint", "usmallint", "uinteger",
        "ubigint", "uhugeint",
    };
    private static readonly HashSet<string> FloatTypes = new(StringComparer.OrdinalIgnoreCase)
        { "real", "float4", "float", "double precision", "float8", "double" };

    public string Name { get; } = name;
    /// <summary>The type as the database reports it (dbt's <c>dtype</c>).</summary>
    public string DType { get; } = dataType;
    public long? CharSize { get; } = charSize;
    public long? NumericPrecision { get; } = numericPrecision;
    public long? NumericScale { get; } = numericScale;

    public string Quoted => Relations.Relation.QuoteIdentifier(Name);

    private string BaseType => DType.Split('(')[0].Trim();

    public bool IsString => StringTypes.Contains(BaseType);
    public bool IsInteger => IntegerTypes.Contains(BaseType);
    public bool IsFloat => FloatTypes.Contains(BaseType);
    public bool IsNumeric => BaseType.Equals("numeric", StringComparison.OrdinalIgnoreCase) || BaseType.Equals("decimal", StringComparison.OrdinalIgnoreCase);
    public bool IsNumber => IsInteger || IsFloat || IsNumeric;

    /// <summary>dbt's <c>string_size()</c>: the declared length, 256 when the type has none.</summary>
    public long StringSize => IsString
        ? CharSize ?? 256
        : throw new InvalidOperationException($"Called string_size() on non-string field {Name}.");

    /// <summary>
    /// dbt's <c>data_type</c>: sized strings as <c>character varying(n)</c>, numerics with precision and scale,
    /// anything else as reported.
    /// </summary>
    public string DataType
    {
        get
        {
            if (IsString && CharSize is { } size) return $"character varying({size})";
            if (IsNumeric && NumericPrecision is { } p && !DType.Contains('('))
                return NumericScale is { } s ? $"{BaseType}({p},{s})" : $"{BaseType}({p})";
            return DType;
        }
    }

    public override string ToString() => $"<Column {Name} ({DataType})>";

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "name" or "column" => Name,
            "quoted" => Quoted,
            "dtype" => DType,
            "data_type" => DataType,
            "char_size" => CharSize,
            "numeric_precision" => NumericPrecision,
            "numeric_scale" => NumericScale,
            "is_string" => JinjaArgs.Method("is_string", _ => IsString),
            "is_number" => JinjaArgs.Method("is_number", _ => IsNumber),
            "is_numeric" => JinjaArgs.Method("is_numeric", _ => IsNumeric),
            "is_float" => JinjaArgs.Method("is_float", _ => IsFloat),
            "is_integer" => JinjaArgs.Method("is_integer", _ => IsInteger),
            "string_size" => JinjaArgs.Method("string_size", _ => StringSize),
            "can_expand_to" => JinjaArgs.Method("can_expand_to", a => a.Get(0, "other_column") is Column o && CanExpandTo(o)),
            _ => null,
        };
        return value is not null || name is "char_size" or "numeric_precision" or "numeric_scale";
    }

    /// <summary>dbt's rule: a string column can widen to another string column of larger size.</summary>
    public bool CanExpandTo(Column other) => IsString && other.IsString && StringSize < other.StringSize;
}
