using System.Text.RegularExpressions;
using Npgsql;

namespace Slipway.Adapters.Postgres;

/// <summary>
/// The command tag PostgreSQL answers a statement with (<c>INSERT 0 5</c>, <c>CREATE TABLE</c>), which dbt-postgres
/// reports as the response message. Npgsql keeps the statement kind and row count of each statement but not the
/// tag's text, so data statements are rebuilt from those and utility statements from their leading keywords.
/// </summary>
internal static partial class CommandTag
{
    public static string Of(NpgsqlCommand command, long rowsAffected)
    {
        // Statements is marked obsolete in favour of NpgsqlBatch, but it is how a plain command (which the shared
        // ADO.NET execution path uses) exposes each statement's kind and row count.
#pragma warning disable CS0618
        var statements = command.Statements;
#pragma warning restore CS0618
        var last = statements.Count > 0 ? statements[^1] : null;
        var rows = last is null ? Math.Max(0, rowsAffected) : (long)last.Rows;
        return last?.StatementType switch
        {
            StatementType.Select or StatementType.CreateTableAs => $"SELECT {rows}",
            StatementType.Insert => $"INSERT 0 {rows}",
            StatementType.Update => $"UPDATE {rows}",
            StatementType.Delete => $"DELETE {rows}",
            StatementType.Merge => $"MERGE {rows}",
            StatementType.Copy => $"COPY {rows}",
            StatementType.Move => $"MOVE {rows}",
            StatementType.Fetch => $"FETCH {rows}",
            _ => Utility(last?.CommandText is { Length: > 0 } t ? t : command.CommandText),
        };
    }

    // CREATE/ALTER/DROP name the object kind (CREATE TABLE, DROP VIEW); modifiers such as OR REPLACE, TEMPORARY or
    // IF EXISTS are not part of the tag.
    private static string Utility(string sql)
    {
        var words = Words().Matches(LastStatement(sql)).Select(m => m.Value.ToUpperInvariant()).ToList();
        if (words.Count == 0) return "OK";
        var verb = words[0];
        if (verb is not ("CREATE" or "ALTER" or "DROP")) return verb switch
        {
            "TRUNCATE" => "TRUNCATE TABLE",
            "START" => "START TRANSACTION",
            "END" => "COMMIT",
            _ => verb,
        };
        var kind = words.Skip(1).Where(w => w is not ("OR" or "REPLACE" or "TEMP" or "TEMPORARY" or "UNLOGGED" or "GLOBAL" or "LOCAL" or "RECURSIVE" or "UNIQUE"))
            .TakeWhile(w => w is "TABLE" or "VIEW" or "MATERIALIZED" or "SCHEMA" or "INDEX" or "FUNCTION" or "PROCEDURE" or "SEQUENCE" or "TYPE" or "EXTENSION" or "ROLE" or "DATABASE" or "TRIGGER" or "FOREIGN")
            .ToList();
        return kind.Count == 0 ? verb : $"{verb} {string.Join(' ', kind)}";
    }

    // The statement after the last top-level semicolon (quotes and comments are rare enough in utility statements).
    private static string LastStatement(string sql)
    {
        var parts = sql.Split(';').Select(p => CommentLine().Replace(p, "").Trim()).Where(p => p.Length > 0).ToList();
        return parts.Count == 0 ? "" : parts[^1];
    }

    [GeneratedRegex(@"[A-Za-z_]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"--[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex CommentLine();
}
