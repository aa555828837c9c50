using System.Text;

namespace Slipway.Engine.Compilation;

/// <summary>
/// dbt's <c>inject_ctes_into_sql</c>: ephemeral models become CTEs placed right after the statement's
/// top-level <c>with</c> (followed by a comma), or after a new <c>with</c> inserted before the first token.
/// Each CTE is <c> __dbt__cte__name as (\n…\n)</c> and several are joined with <c>", "</c> — byte for byte
/// what dbt writes, so compiled SQL can be compared with dbt's.
/// </summary>
public static class CteInjector
{
    public const string Prefix = "__dbt__cte__";

    public static string CteSql(string name, string sql) => $" {Prefix}{name} as (\n{sql}\n)";

    public static string Inject(string sql, IReadOnlyList<string> ctes)
    {
        if (ctes.Count == 0) return sql;
        var joined = string.Join(", ", ctes);
        var (firstToken, withEnd) = Scan(sql);
        if (withEnd >= 0) return sql[..withEnd] + joined + "," + sql[withEnd..];
        if (firstToken < 0) return sql + "with" + joined;
        return sql[..firstToken] + "with" + joined + sql[firstToken..];
    }

    /// <summary>
    /// Finds the first non-whitespace token and the end of the top-level <c>with</c> keyword (or of
    /// <c>with recursive</c>), looking only at the first statement and outside parentheses, strings and comments.
    /// </summary>
    private static (int FirstToken, int WithEnd) Scan(string sql)
    {
        int firstToken = -1, depth = 0, i = 0, withEnd = -1;
        while (i < sql.Length)
        {
            var c = sql[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (firstToken < 0) firstToken = i;
            if (c == '-' && i + 1 < sql.Length && sql[i + 1] == '-')
            {
                var nl = sql.IndexOf('\n', i);
                i = nl < 0 ? sql.Length : nl + 1;
                continue;
            }
            if (c == '/' && i + 1 < sql.Length && sql[i + 1] == '*')
            {
                var end = sql.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? sql.Length : end + 2;
                continue;
            }
            if (c is '\'' or '"' or '`')
            {
                var end = sql.IndexOf(c, i + 1);
                i = end < 0 ? sql.Length : end + 1;
                continue;
            }
            if (c == '(') { depth++; i++; continue; }
            if (c == ')') { depth--; i++; continue; }
            if (c == ';' && depth == 0) break;
            if (char.IsLetter(c) || c == '_')
            {
                var start = i;
                while (i < sql.Length && (char.IsLetterOrDigit(sql[i]) || sql[i] == '_')) i++;
                if (depth != 0) continue;
                var word = sql[start..i];
                if (withEnd < 0 && word.Equals("with", StringComparison.OrdinalIgnoreCase))
                {
                    withEnd = i;
                    var j = i;
                    while (j < sql.Length && char.IsWhiteSpace(sql[j])) j++;
                    var k = j;
                    while (k < sql.Length && char.IsLetter(sql[k])) k++;
                    if (sql[j..k].Equals("recursive", StringComparison.OrdinalIgnoreCase)) withEnd = k;
                    return (firstToken, withEnd);
                }
                continue;
            }
            i++;
        }
        return (firstToken, withEnd);
    }
}
