namespace Slipway.Deploy.Api;

/// <summary>A refusal the client can act on; rendered by <see cref="ErrorHandling"/> in the stable error shape.</summary>
internal class ApiException(int status, string code, string message, IReadOnlyList<FieldError>? details = null) : Exception(message)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public IReadOnlyList<FieldError> Details { get; } = details ?? [];

    public static ApiException NotFound(string what) => new(404, "not_found", $"{what} was not found.");

    public static ApiException Forbidden(string message = "You do not have permission to do this.") => new(403, "forbidden", message);

    public static ApiException Invalid(string field, string message) => new(422, "validation_failed", message, [new FieldError(field, message)]);

    public static ApiException Conflict(string message) => new(409, "conflict", message);
}

/// <summary>What is wrong with one field of a request.</summary>
internal sealed record FieldError(string Field, string Message);
