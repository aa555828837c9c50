using System.Text;
using System.Text.Json;
using Slipway.Deploy.Api;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;
using Slipway.Deploy.Runs;

namespace Slipway.Deploy.Logs;

/// <summary>
/// A run's logs: <c>GET …/runs/{r}/steps/{n}/logs?offset=&amp;limit=</c> or <c>?tail=</c> pages a step's log; <c>GET
/// …/runs/{r}/logs/stream</c> sends every step's lines as server-sent events while they are written (<c>line</c>), the
/// run's and its steps' statuses whenever one changes (<c>status</c>), then <c>end</c>.
/// </summary>
internal static class LogEndpoints
{
    public static void MapRunLogs(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/projects/{projectId:int}/runs/{runId:int}").WithTags("runs");
        api.MapGet("/steps/{id:int}/logs", async (int projectId, int runId, int id, int? offset, int? limit, int? tail, Access access,
            DeployDbContext db, DeployOptions options, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            if (!await db.RunSteps.AnyAsync(s => s.RunId == runId && s.Index == id && db.Runs.Any(r => r.Id == runId && r.ProjectId == projectId), ct))
                throw ApiException.NotFound($"Step {id} of run {runId}");
            var path = StepLogFile.PathFor(options, runId, id);
            var page = tail is { } t
                ? LogReader.Tail(path, Math.Clamp(t, 1, 10_000))
                : LogReader.Read(path, Math.Max(0, offset ?? 0), Math.Clamp(limit ?? 1000, 1, 10_000));
            return TypedResults.Ok(new { offset = page.Offset, lines = page.Lines, more = page.More });
        });
        api.MapGet("/logs/stream", async (int projectId, int runId, Access access, DeployDbContext db, DeployOptions options, HttpContext http, CancellationToken ct) =>
        {
            await access.ProjectAsync(projectId, Permission.Read, ct);
            if (!await db.Runs.AnyAsync(r => r.Id == runId && r.ProjectId == projectId, ct)) throw ApiException.NotFound($"Run {runId}");
            http.Response.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            await StreamAsync(http.Response, db, options, runId, ct);
        });
    }

    /// <summary>Follows the step log files (any node may be writing them) until the run is complete and every line is sent.</summary>
    private static async Task StreamAsync(HttpResponse response, DeployDbContext db, DeployOptions options, int runId, CancellationToken ct)
    {
        var sent = new Dictionary<int, (long Position, int Line)>();
        string? lastStatus = null;
        while (!ct.IsCancellationRequested)
        {
            var run = await db.Runs.AsNoTracking().Where(r => r.Id == runId).Select(r => new { r.Status, r.StatusMessage }).FirstAsync(ct);
            var complete = RunStatus.IsComplete(run.Status);
            var stepRows = await db.RunSteps.AsNoTracking().Where(s => s.RunId == runId).OrderBy(s => s.Index)
                .Select(s => new { s.Index, s.Name, s.Command, s.Status }).ToListAsync(ct);
            var steps = stepRows.Select(s => s.Index).ToList();
            // Status first, so a page shows a step's row before its first lines arrive.
            var status = JsonSerializer.Serialize(new
            {
                status = run.Status, status_humanized = RunStatus.Humanize(run.Status), status_message = run.StatusMessage,
                steps = stepRows.Select(s => new { index = s.Index, name = s.Name, command = s.Command, status = s.Status, status_humanized = RunStatus.Humanize(s.Status) }),
            });
            if (status != lastStatus)
            {
                await response.WriteAsync($"event: status\ndata: {status}\n\n", ct);
                lastStatus = status;
            }
            foreach (var index in steps)
            {
                var path = StepLogFile.PathFor(options, runId, index);
                if (!File.Exists(path)) continue;
                var (position, line) = sent.GetValueOrDefault(index);
                await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                stream.Position = position;
                var bytes = new byte[stream.Length - position];
                await stream.ReadExactlyAsync(bytes, ct);
                // Only whole lines are sent; a partly written one waits for its end.
                var end = Array.LastIndexOf(bytes, (byte)'\n');
                if (end < 0) continue;
                foreach (var text in Encoding.UTF8.GetString(bytes, 0, end).Split('\n'))
                {
                    var data = JsonSerializer.Serialize(new { step = index, line = line++, text });
                    await response.WriteAsync($"event: line\ndata: {data}\n\n", ct);
                }
                sent[index] = (position + end + 1, line);
            }
            await response.Body.FlushAsync(ct);
            if (complete)
            {
                await response.WriteAsync($"event: end\ndata: {{\"run_id\":{runId}}}\n\n", ct);
                await response.Body.FlushAsync(ct);
                return;
            }
            await Task.Delay(200, ct);
        }
    }
}
