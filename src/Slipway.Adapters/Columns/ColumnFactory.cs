using Slipway.Jinja;

namespace Slipway.Adapters.Columns;

/// <summary><c>api.Column</c> / <c>adapter.Column</c>: <c>create(name, label_or_dtype)</c> and <c>string_type(size)</c>, <c>numeric_type(dtype, precision, scale)</c>.</summary>
public sealed class ColumnFactory : IJinjaObject
{
    public static readonly ColumnFactory Instance = new();

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "create" => JinjaArgs.Method("create", a => new Column(JinjaArgs.String(a, 0, "name") ?? "", JinjaArgs.String(a, 1, "label_or_dtype") ?? "")),
            "string_type" => JinjaArgs.Method("string_type", a => $"character varying({JinjaArgs.Long(a, 0, "size")})"),
            "numeric_type" => JinjaArgs.Method("numeric_type", a =>
            {
                var dtype = JinjaArgs.String(a, 0, "dtype") ?? "numeric";
                var p = JinjaArgs.Long(a, 1, "precision");
                var s = JinjaArgs.Long(a, 2, "scale");
                return p is null || s is null ? dtype : $"{dtype}({p},{s})";
            }),
            _ => null,
        };
        return value is not null;
    }

    public override string ToString() => "<class 'Column'>";
}
