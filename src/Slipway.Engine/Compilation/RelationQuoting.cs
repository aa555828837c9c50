using System.Text;

namespace Slipway.Engine.Compilation;

/// <summary>
/// Renders relation names as dbt's default Relation does: <c>"db"."schema"."identifier"</c> with each part
/// quoted unless the project's <c>quoting:</c> turns it off; a null part is left out.
/// </summary>
public sealed class RelationQuoting(bool database = true, bool schema = true, bool identifier = true, char quote = '"')
{
    public bool Database { get; } = database;
    public bool Schema { get; } = schema;
    public bool Identifier { get; } = identifier;
    public char QuoteCharacter { get; } = quote;

    /// <summary>From a project's <c>quoting:</c> mapping (absent keys keep the adapter default: quoted).</summary>
    public static RelationQuoting From(IReadOnlyDictionary<string, object?> projectQuoting) => new(
        projectQuoting.TryGetValue("database", out var d) && d is bool bd ? bd : true,
        projectQuoting.TryGetValue("schema", out var s) && s is bool bs ? bs : true,
        projectQuoting.TryGetValue("identifier", out var i) && i is bool bi ? bi : true);

    /// <summary>The adapter's quote policy for these settings.</summary>
    public Slipway.Adapters.Relations.Policy ToPolicy() => new(Database, Schema, Identifier);

    /// <summary>A relation quoted by this policy; <paramref name="type"/> is dbt's spelling (table, view, cte, …) or null.</summary>
    public Slipway.Adapters.Relations.Relation Relation(string? database, string? schema, string? identifier, string? type) =>
        new(database, schema, identifier, Slipway.Adapters.Relations.RelationTypes.Parse(type), ToPolicy(), quoteCharacter: QuoteCharacter);

    public string Render(string? database, string? schema, string? identifier)
    {
        var sb = new StringBuilder();
        Append(sb, database, Database);
        Append(sb, schema, Schema);
        Append(sb, identifier, Identifier);
        return sb.ToString();
    }

    private void Append(StringBuilder sb, string? part, bool quoted)
    {
        if (part is null) return;
        if (sb.Length > 0) sb.Append('.');
        if (quoted) sb.Append(QuoteCharacter).Append(part).Append(QuoteCharacter);
        else sb.Append(part);
    }
}
