using Slipway.Jinja;

namespace Slipway.Adapters.Results;

/// <summary>
/// agate's <c>table.columns</c>: a list of <see cref="ResultColumn"/> (so <c>columns[0]</c> and iteration work)
/// that also answers <c>keys()</c>, <c>get(name)</c> and <c>by_name(name)</c>.
/// </summary>
/// <remarks>
/// Subscripting by name (<c>columns['id']</c>) needs an item hook in Slipway.Jinja, which only lists, tuples
/// and dicts have today; <c>get</c> covers it meanwhile.
/// </remarks>
public sealed class ResultColumns : List<object?>, IJinjaObject
{
    internal ResultColumns(ResultTable table)
    {
        for (var i = 0; i < table.ColumnNames.Count; i++) Add(new ResultColumn(table, i));
    }

    public ResultColumn? Find(string name) =>
        this.Cast<ResultColumn>().FirstOrDefault(c => c.Name == name);

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "keys" => JinjaArgs.Method("keys", _ => this.Cast<ResultColumn>().Select(c => (object?)c.Name).ToList()),
            "values" => JinjaArgs.Method("values", _ => new List<object?>(this)),
            "get" or "by_name" => JinjaArgs.Method(name, a => Find(JinjaArgs.String(a, 0, "key") ?? "")),
            _ => null,
        };
        return value is not null;
    }
}
