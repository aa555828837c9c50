using Slipway.Jinja;

namespace Slipway.Adapters.Results;

/// <summary>
/// What the warehouse said about one statement (dbt's <c>AdapterResponse</c>): a status message such as
/// <c>OK</c> or <c>INSERT 0 5</c>, a code and the rows affected when known. <c>str(response)</c> is the message.
/// </summary>
public sealed record AdapterResponse(string Message, string? Code = null, long? RowsAffected = null, string? QueryId = null)
    : IJinjaObject
{
    public override string ToString() => Message;

    public bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "_message" => Message,
            "code" => Code,
            "rows_affected" => RowsAffected,
            "query_id" => QueryId,
            _ => null,
        };
        return name is "_message" or "code" or "rows_affected" or "query_id";
    }

    /// <summary>For <c>run_results.json</c>'s <c>adapter_response</c>.</summary>
    public IReadOnlyDictionary<string, object?> ToDictionary()
    {
        var d = new Dictionary<string, object?> { ["_message"] = Message };
        if (Code is not null) d["code"] = Code;
        if (RowsAffected is not null) d["rows_affected"] = RowsAffected;
        if (QueryId is not null) d["query_id"] = QueryId;
        return d;
    }
}
