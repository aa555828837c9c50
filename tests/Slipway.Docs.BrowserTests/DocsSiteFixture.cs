using Microsoft.Playwright;
using Slipway.Engine.Docs;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Docs.BrowserTests;

/// <summary>
/// One generated documentation site shared by the browser tests: a small dbt project on DuckDB (sources,
/// staging view, mart table, exposure) run and documented with the engine's commands, served by
/// <c>docs serve</c>'s server on a free port, and one headless Chromium (Debian's, through Playwright).
/// </summary>
public sealed class DocsSiteFixture : IAsyncLifetime
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "slipway-docs-" + Guid.NewGuid().ToString("N")[..12]);
    public string BaseUrl => _server!.Url;
    public IBrowser Browser => _browser!;

    private DocsServer? _server;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Root);
        Write("dbt_project.yml", "name: shop\nversion: '1.0'\nprofile: shop\n");
        Write("profiles.yml", $"shop:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: {Path.Combine(Root, "dev.duckdb")}\n      schema: main\n");
        Write("macros/setup.sql", """
            {% macro setup() %}
            {% do run_query("create schema if not exists raw") %}
            {% do run_query("create or replace table raw.orders (id integer, customer_id integer, amount decimal(10,2), loaded_at timestamp)") %}
            {% do run_query("create or replace table raw.customers (id integer, name varchar, email_address varchar)") %}
            {% endmacro %}
            """);
        Write("models/staging/stg_orders.sql", "select id as order_id, customer_id, amount from {{ source('raw', 'orders') }}");
        Write("models/staging/stg_customers.sql", "select id as customer_id, name, email_address from {{ source('raw', 'customers') }}");
        Write("models/marts/customer_orders.sql", """
            {{ config(materialized='table') }}
            select c.customer_id, c.name, count(o.order_id) as order_count, sum(o.amount) as lifetime_value
            from {{ ref('stg_customers') }} c left join {{ ref('stg_orders') }} o using (customer_id)
            group by 1, 2
            """);
        Write("models/schema.yml", """
            version: 2
            sources:
              - name: raw
                schema: raw
                tables:
                  - name: orders
                  - name: customers
            models:
              - name: customer_orders
                description: One row per customer with their **order totals**.
                columns:
                  - name: customer_id
                    description: The customer's key.
                    data_tests: [unique, not_null]
                  - name: lifetime_value
                    description: Sum of the customer's order amounts.
            exposures:
              - name: revenue_dashboard
                type: dashboard
                owner: {name: Ann}
                depends_on: [ref('customer_orders')]
            """);
        Run("run-operation", ["setup"]);
        Run("run");
        Run("docs generate");
        _server = new DocsServer(Path.Combine(Root, "target"), "127.0.0.1", FreePort());
        _server.Start();
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--disable-gpu"],
        });
    }

    private void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    private void Run(string command, IReadOnlyList<string>? arguments = null)
    {
        var flags = new Dictionary<string, object?> { ["project_dir"] = Root, ["profiles_dir"] = Root };
        var invocation = new Invocation(command, flags, arguments, [command]);
        var env = new EnvironmentVariables(new Dictionary<string, string>());
        using var console = new StringWriter();
        using var log = new EventLog(console, new EventLogOptions("default", false, false, null, Guid.NewGuid().ToString()), env.Masker);
        var code = EngineCommands.Find(command)!.Execute(RuntimeConfig.Load(invocation, env), log, CancellationToken.None);
        if (code != 0) throw new InvalidOperationException($"{command} exited {code}:\n{console}");
    }

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        _server?.Dispose();
        try { Directory.Delete(Root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
