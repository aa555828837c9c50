using System.Globalization;
using System.Text;
using Slipway.Engine.Contexts;

namespace Slipway.Engine.UnitTests;

/// <summary>
/// The SQL of given rows and expected rows, as dbt's <c>get_fixture_sql</c>/<c>get_expected_sql</c> write it: one
/// <c>select … union all</c> branch per row, each value cast to its column's type (text quoted first), a column a
/// given row leaves out as <c>cast(null as type)</c>, and no rows as a typed <c>… limit 0</c>. When a column's type
/// is unknown (the upstream relation does not exist yet) the literal is left for the warehouse to type.
/// </summary>
internal static class FixtureSql
{
    /// <summary>A column of a fixture: its name as rows spell it (lower case) and its type, or null to infer.</summary>
    public sealed record FixtureColumn(string Name, string? Type, string Quoted);

    /// <exception cref="CompilerException">A row names a column the input does not have.</exception>
    public static string Given(IReadOnlyList<FixtureColumn> columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows, string inputName)
    {
        var byName = columns.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
            foreach (var key in row.Keys)
                if (!byName.ContainsKey(key))
                    throw new CompilerException($"Invalid column name: '{key}' in unit test fixture for '{inputName}'.\nAccepted columns for '{inputName}' are: {PyList(columns.Select(c => c.Name))}");
        var sb = new StringBuilder($"-- Fixture for {inputName}\n");
        if (rows.Count == 0)
        {
            sb.Append("select ").Append(string.Join(", ", columns.Select(c => $"{Value(null, c.Type)} as {c.Quoted}"))).Append("\nlimit 0");
            return sb.ToString();
        }
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0) sb.Append("\nunion all\n");
            var row = new Dictionary<string, object?>(rows[i], StringComparer.OrdinalIgnoreCase);
            sb.Append("select ").Append(string.Join(", ", columns.Select(c => $"{Value(row.GetValueOrDefault(c.Name), c.Type)} as {c.Quoted}")));
        }
        return sb.ToString();
    }

    /// <summary>Expected rows over <paramref name="columns"/> (the first row's columns, typed as the model's output).</summary>
    public static string Expected(IReadOnlyList<FixtureColumn> columns, IReadOnlyList<IReadOnlyDictionary<string, object?>> rows)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < rows.Count; i++)
        {
            if (i > 0) sb.Append("\nunion all\n");
            var row = new Dictionary<string, object?>(rows[i], StringComparer.OrdinalIgnoreCase);
            sb.Append("select ").Append(string.Join(", ", columns.Select(c => $"{Value(row.GetValueOrDefault(c.Name), c.Type)} as {c.Quoted}")));
        }
        return sb.ToString();
    }

    /// <summary>A YAML or csv value as SQL: text quoted (single quotes doubled), null as <c>null</c>, then cast when typed.</summary>
    public static string Value(object? value, string? type)
    {
        var literal = value switch
        {
            null => "null",
            string s when type is null => Inferred(s),
            string s => Quote(s),
            bool b => b ? "True" : "False",
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable n => n.ToString(null, CultureInfo.InvariantCulture),
            _ => Quote(Convert.ToString(value, CultureInfo.InvariantCulture) ?? ""),
        };
        return type is null ? literal : $"cast({literal} as {type})";
    }

    /// <summary>Without a column type, csv text that reads as a number or boolean is written as one.</summary>
    private static string Inferred(string s)
    {
        var t = s.Trim();
        if (long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)) return t;
        if (decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _)) return t;
        if (t.Equals("true", StringComparison.OrdinalIgnoreCase) || t.Equals("false", StringComparison.OrdinalIgnoreCase)) return t.ToLowerInvariant();
        return Quote(s);
    }

    private static string Quote(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>A list of names as Python prints one: <c>['id', 'name']</c> (dbt's error messages show them so).</summary>
    public static string PyList(IEnumerable<string> names) => "[" + string.Join(", ", names.Select(n => "'" + n + "'")) + "]";
}
