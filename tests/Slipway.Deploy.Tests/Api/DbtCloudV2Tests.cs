using System.Net;
using System.Text;
using System.Text.Json;
using Slipway.Deploy.Tests.Support;

namespace Slipway.Deploy.Tests.Api;

/// <summary>
/// The v2 routes answer requests made the way the Airflow dbt Cloud provider makes them: <c>Authorization: Token …</c>,
/// <c>POST …/jobs/{j}/run/</c> with <c>{"cause": …}</c> and null overrides, then polling <c>GET …/runs/{r}/</c>
/// and reading <c>data.id</c>, <c>data.href</c> and <c>data.status</c>.
/// </summary>
public abstract class DbtCloudV2Tests<TService>(TService service) : IClassFixture<TService> where TService : ServiceFixture
{
    private void RequireBackend() => Skip.If(service.Backend.SkipReason is not null, service.Backend.SkipReason);

    private async Task<(string Token, int ProjectId, int JobId)> SetupAsync()
    {
        var admin = await service.AdminAsync();
        var project = await service.ProjectAsync(admin);
        var (_, jobId) = await service.EnvironmentWithJobAsync(admin, project.Id, service.Unique("prod_"));
        var token = await Http.SendAsync(admin, HttpMethod.Post, "/api/v1/tokens", new { name = "airflow", scopes = new[] { "read", "run" } }, HttpStatusCode.Created);
        return (token.GetProperty("token").GetString()!, project.Id, jobId);
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> AirflowAsync(string scheme, string token, HttpMethod method, string path, string? json = null)
    {
        var client = service.Factory.CreateClient(new() { HandleCookies = false });
        using var request = new HttpRequestMessage(method, "/api/v2/accounts/" + path);
        request.Headers.Add("Authorization", $"{scheme} {token}");
        request.Headers.Add("Accept", "application/json");
        request.Headers.Add("User-Agent", "airflow-providers-dbt-cloud");
        if (json is not null) request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [SkippableFact]
    public async Task Trigger_poll_and_cancel_a_run_like_the_Airflow_provider()
    {
        RequireBackend();
        var (token, projectId, jobId) = await SetupAsync();
        var cause = "Triggered via Apache Airflow by task 'trigger_dbt_cloud_job_run' in the example_dbt_cloud DAG.";
        var (status, triggered) = await AirflowAsync("Token", token, HttpMethod.Post, $"43/jobs/{jobId}/run/",
            $$"""{"cause": "{{cause}}", "steps_override": null, "schema_override": null}""");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(triggered.GetProperty("status").GetProperty("is_success").GetBoolean());
        Assert.Equal(200, triggered.GetProperty("status").GetProperty("code").GetInt32());
        var data = triggered.GetProperty("data");
        var runId = data.GetProperty("id").GetInt32();
        Assert.Equal(1, data.GetProperty("status").GetInt32());
        Assert.Equal(jobId, data.GetProperty("job_definition_id").GetInt32());
        Assert.Equal(43, data.GetProperty("account_id").GetInt32());
        Assert.Equal(cause, data.GetProperty("trigger").GetProperty("cause").GetString());
        Assert.Equal("main", data.GetProperty("git_branch").GetString());
        Assert.EndsWith($"/runs/{runId}", data.GetProperty("href").GetString());
        Assert.Equal("Queued", data.GetProperty("status_humanized").GetString());

        var (pollStatus, polled) = await AirflowAsync("Token", token, HttpMethod.Get, $"43/runs/{runId}/?include_related=%5B%27job%27%5D");
        Assert.Equal(HttpStatusCode.OK, pollStatus);
        Assert.Equal(1, polled.GetProperty("data").GetProperty("status").GetInt32());
        Assert.False(polled.GetProperty("data").GetProperty("is_complete").GetBoolean());

        var (listStatus, listed) = await AirflowAsync("Bearer", token, HttpMethod.Get, $"43/runs/?job_definition_id={jobId}&order_by=-id");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal(runId, listed.GetProperty("data")[0].GetProperty("id").GetInt32());

        var (cancelStatus, cancelled) = await AirflowAsync("Token", token, HttpMethod.Post, $"43/runs/{runId}/cancel/");
        Assert.Equal(HttpStatusCode.OK, cancelStatus);
        Assert.Equal(30, cancelled.GetProperty("data").GetProperty("status").GetInt32());
        Assert.True(cancelled.GetProperty("data").GetProperty("is_cancelled").GetBoolean());
        _ = projectId;
    }

    [SkippableFact]
    public async Task Overrides_are_kept_and_checked_like_the_job()
    {
        RequireBackend();
        var (token, _, jobId) = await SetupAsync();
        var (status, triggered) = await AirflowAsync("Token", token, HttpMethod.Post, $"1/jobs/{jobId}/run/",
            """{"cause": "with overrides", "git_branch": "develop", "schema_override": "pr_42", "threads_override": 8, "steps_override": ["dbt run --select tag:daily"], "generate_docs_override": true, "timeout_seconds_override": 600, "target_name_override": "ci"}""");
        Assert.Equal(HttpStatusCode.OK, status);
        var trigger = triggered.GetProperty("data").GetProperty("trigger");
        Assert.Equal("pr_42", trigger.GetProperty("schema_override").GetString());
        Assert.Equal(8, trigger.GetProperty("threads_override").GetInt32());
        Assert.Equal("dbt run --select tag:daily", trigger.GetProperty("steps_override")[0].GetString());
        Assert.Equal("develop", triggered.GetProperty("data").GetProperty("git_branch").GetString());

        var (badStatus, bad) = await AirflowAsync("Token", token, HttpMethod.Post, $"1/jobs/{jobId}/run/",
            """{"cause": "bad", "steps_override": ["dbt bulid"]}""");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStatus);
        Assert.False(bad.GetProperty("status").GetProperty("is_success").GetBoolean());
        Assert.Contains("dbt bulid", bad.GetProperty("status").GetProperty("user_message").GetString());
        var (noCause, _) = await AirflowAsync("Token", token, HttpMethod.Post, $"1/jobs/{jobId}/run/", "{}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noCause);
    }

    [SkippableFact]
    public async Task Run_artifacts_are_listed_and_served_from_the_runs_folder()
    {
        RequireBackend();
        var (token, projectId, jobId) = await SetupAsync();
        var (_, triggered) = await AirflowAsync("Token", token, HttpMethod.Post, $"1/jobs/{jobId}/run/", """{"cause": "artifacts"}""");
        var runId = triggered.GetProperty("data").GetProperty("id").GetInt32();
        var folder = Path.Combine(service.Factory.Options.DataDir, "runs", $"{runId}", "artifacts");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "manifest.json"), """{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"}}""");
        var (listStatus, listed) = await AirflowAsync("Token", token, HttpMethod.Get, $"1/runs/{runId}/artifacts/");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.Equal("manifest.json", listed.GetProperty("data")[0].GetString());
        var (fileStatus, manifest) = await AirflowAsync("Token", token, HttpMethod.Get, $"1/runs/{runId}/artifacts/manifest.json");
        Assert.Equal(HttpStatusCode.OK, fileStatus);
        Assert.EndsWith("manifest/v12.json", manifest.GetProperty("metadata").GetProperty("dbt_schema_version").GetString());
        var (missingStatus, _) = await AirflowAsync("Token", token, HttpMethod.Get, $"1/runs/{runId}/artifacts/run_results.json");
        Assert.Equal(HttpStatusCode.NotFound, missingStatus);
        _ = projectId;
    }

    [SkippableFact]
    public async Task Errors_have_dbt_Clouds_shape()
    {
        RequireBackend();
        var (token, _, _) = await SetupAsync();
        var (unauthorized, body) = await AirflowAsync("Token", "slw_wrong", HttpMethod.Get, "1/runs/");
        Assert.Equal(HttpStatusCode.Unauthorized, unauthorized);
        Assert.False(body.GetProperty("status").GetProperty("is_success").GetBoolean());
        Assert.Equal(401, body.GetProperty("status").GetProperty("code").GetInt32());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("data").ValueKind);
        var (notFound, missing) = await AirflowAsync("Token", token, HttpMethod.Get, "1/runs/999999/");
        Assert.Equal(HttpStatusCode.NotFound, notFound);
        Assert.Equal(404, missing.GetProperty("status").GetProperty("code").GetInt32());
    }
}

public sealed class SqliteDbtCloudV2Tests(SqliteService service) : DbtCloudV2Tests<SqliteService>(service);

public sealed class PostgresDbtCloudV2Tests(PostgresService service) : DbtCloudV2Tests<PostgresService>(service);
