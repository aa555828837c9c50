using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Slipway.Deploy.Api;

/// <summary>
/// Every error leaves the service in one of two stable shapes: <c>{"error": {status, code, message, details}}</c>
/// under <c>/api/v1</c> and elsewhere, dbt Cloud's <c>{"status": {...}, "data": null}</c> under <c>/api/v2</c>.
/// Unexpected exceptions are logged with a trace id and answered without their message, which could hold data.
/// </summary>
internal static class ErrorHandling
{
    public static async Task Middleware(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (ApiException e) when (!context.Response.HasStarted)
        {
            await WriteAsync(context, e.Status, e.Code, e.Message, e.Details);
        }
        catch (BadHttpRequestException e) when (!context.Response.HasStarted)
        {
            // Unreadable JSON, a missing body, a form without its antiforgery token. The message names the
            // parameter, never the request's content.
            await WriteAsync(context, e.StatusCode, "bad_request", e.Message);
        }
        catch (DbUpdateException) when (!context.Response.HasStarted)
        {
            // A unique index refused the write: another request (maybe on another node) got there first.
            await WriteAsync(context, 409, "conflict", "The change conflicts with an existing object (a name that is taken, or a one-per-project rule).");
        }
        catch (Exception e) when (!context.Response.HasStarted && e is not OperationCanceledException)
        {
            var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Slipway.Deploy.Errors");
            logger.LogError("Unhandled {Type} on {Method} {Path} (trace {TraceId})", e.GetType().Name, context.Request.Method,
                context.Request.Path.Value, context.TraceIdentifier);
            await WriteAsync(context, 500, "internal_error", $"An unexpected error occurred (trace id {context.TraceIdentifier}); see the service log.");
        }
    }

    public static Task WriteAsync(HttpContext context, int status, string code, string message, IReadOnlyList<FieldError>? details = null)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        object body = IsV2(context)
            ? new { status = new { code = status, is_success = false, user_message = message, developer_message = code }, data = (object?)null }
            : new { error = new { status, code, message, details = details ?? [] } };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json.Options));
    }

    public static bool IsV2(HttpContext context) => context.Request.Path.StartsWithSegments("/api/v2");
}
