using System.Reflection;
using Microsoft.AspNetCore.Authentication;
using Slipway.Deploy.Api;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Logs;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Ui;

/// <summary>
/// The web UI: Blazor components rendered on the server (static server rendering with plain HTML forms, so every
/// page works without script), calling the same services as the API. Pages check sign-in themselves
/// (<see cref="UiPage"/>) as well as through the service's fallback policy, which sends a browser to the sign-in page.
/// </summary>
internal static class UiHost
{
    public static IServiceCollection AddSlipwayUi(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services;
    }

    /// <summary>A browser navigating to a page (not the API, not a script's fetch): it gets redirects and HTML.</summary>
    public static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api", StringComparison.Ordinal)
        && request.Headers.Accept.ToString().Contains("text/html", StringComparison.Ordinal);

    public static IEndpointRouteBuilder MapSlipwayUi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ui/slipway.css", () =>
        {
            var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Slipway.Deploy.Ui.slipway.css")!;
            return TypedResults.Stream(stream, "text/css");
        }).AllowAnonymous().ExcludeFromDescription();
        endpoints.MapGet("/ui/slipway.js", () =>
        {
            var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Slipway.Deploy.Ui.slipway.js")!;
            return TypedResults.Stream(stream, "text/javascript");
        }).ExcludeFromDescription();
        // The job form's as-you-type check: the same command parser and cron rules the API applies on save.
        endpoints.MapGet("/ui/check/job", (string? commands, string? cron, string? timezone, DeployOptions options) =>
        {
            var lines = (commands ?? "").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();
            var errors = lines.Select((c, i) => Jobs.JobCommands.Check(c, options.CheckCommand) is { } e ? $"Line {i + 1}: {e}" : null).OfType<string>().ToList();
            if (lines.Length == 0) errors.Add("A job needs at least one command, e.g. 'dbt build'.");
            var zone = string.IsNullOrWhiteSpace(timezone) ? "UTC" : timezone.Trim();
            string? cronError = null;
            string[] firings = [];
            if (!string.IsNullOrWhiteSpace(cron))
            {
                cronError = Jobs.CronSchedule.Check(cron.Trim()) ?? Jobs.CronSchedule.CheckTimeZone(zone);
                if (cronError is null) firings = CronPreview.Next(cron.Trim(), zone, DateTime.UtcNow, 5).Select(f => Format.Zoned(f, zone)).ToArray();
            }
            return TypedResults.Ok(new { commands = errors, cron_error = cronError, firings });
        }).ExcludeFromDescription();
        // A run's documentation site (the docs generate artifacts), behind the service's sign-in like every page.
        endpoints.MapGet("/projects/{projectId:int}/runs/{runId:int}/docs/{**path}", async (int projectId, int runId, string? path, Access access,
            DeployDbContext db, DeployOptions options, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            if (!await db.Runs.AnyAsync(r => r.Id == runId && r.ProjectId == projectId, ct)) throw ApiException.NotFound($"Run {runId}");
            return RunArtifacts.Serve(options, runId, string.IsNullOrEmpty(path) ? "index.html" : path);
        }).ExcludeFromDescription();
        endpoints.MapGet("/projects/{projectId:int}/runs/{runId:int}/steps/{index:int}/log.txt", async (int projectId, int runId, int index, Access access,
            DeployDbContext db, DeployOptions options, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            if (!await db.Runs.AnyAsync(r => r.Id == runId && r.ProjectId == projectId, ct)) throw ApiException.NotFound($"Run {runId}");
            var path = StepLogFile.PathFor(options, runId, index);
            if (!File.Exists(path)) throw ApiException.NotFound($"The log of step {index} of run {runId}");
            return TypedResults.PhysicalFile(path, "text/plain; charset=utf-8", $"run-{runId}-step-{index}.log");
        }).ExcludeFromDescription();
        endpoints.MapPost("/signout", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            await antiforgery.ValidateRequestAsync(http);
            await http.SignOutAsync(Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme);
            return TypedResults.Redirect("/signin");
        }).ExcludeFromDescription();
        endpoints.MapRazorComponents<App>().ExcludeFromDescription();
        return endpoints;
    }
}
