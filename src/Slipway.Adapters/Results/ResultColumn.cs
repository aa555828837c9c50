using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Adapters.Results;

/// <summary>One column of a <see cref="ResultTable"/>: agate's <c>Column</c> (<c>.name</c>, <c>.values()</c>, <c>.data_type</c>).</summary>
public sealed class ResultColumn(ResultTable table, int index) : IJinjaObject
{
    public string Name => table.ColumnNames[index];
    public string DataType => table.ColumnTypes[index];
    public int Index => index;

    public IReadOnlyList<object?> Values()
    {
        var values = new object?[table.Rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = table.Rows[i][index];
        return values;
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "name" => Name,
            "data_type" => DataType,
            "index" => (long)Index,
            "values" => JinjaArgs.Method("values", _ => new PyTuple(Values().Select(ResultTable.ToJinjaValue).ToArray())),
            "values_distinct" => JinjaArgs.Method("values_distinct", _ => new PyTuple(Values().Distinct().Select(ResultTable.ToJinjaValue).ToArray())),
            "values_without_nulls" => JinjaArgs.Method("values_without_nulls", _ => new PyTuple(Values().Where(v => v is not null).Select(ResultTable.ToJinjaValue).ToArray())),
            _ => null,
        };
        return value is not null;
    }

    public override string ToString() => $"<agate.Column {Name}>";
}
