using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Slipway.Cli.Commands;

namespace Slipway.Deploy.BrowserTests.Support;

/// <summary>
/// The service as <c>slipway serve --demo</c> starts it (fresh data dir, the Harbor Shop demo), on real Kestrel on a
/// free loopback port so a real browser can reach it. The demo password is read from what the service prints.
/// </summary>
public sealed partial class DemoService : WebApplicationFactory<DemoService.EntryPoint>
{
    /// <summary>WebApplicationFactory wants a type from an assembly with an entry point: the test assembly has one.</summary>
    public sealed class EntryPoint;

    private readonly StringWriter output = new();

    public DemoService(bool workersExecuteRuns = true)
    {
        Options = new DeployOptions
        {
            DataDir = Directory.CreateTempSubdirectory("slipway-browser-").FullName,
            SetupOutput = output,
            CheckCommand = ServeCommand.CheckJobCommand,
            Demo = true,
        };
        // As `slipway serve` does: this node's workers execute the queued runs (child slipway processes).
        Options.Workers.Enabled = workersExecuteRuns;
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        var printed = output.ToString();
        Password = SignInLine().Match(printed) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("The demo did not print its sign-in line:\n" + printed);
    }

    public DeployOptions Options { get; }

    public string BaseUrl { get; }

    public string Password { get; }

    public string Printed => output.ToString();

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders())
            .ConfigureWebHostDefaults(web => web
                .UseContentRoot(Options.DataDir)
                .ConfigureServices(services => services.AddSlipwayDeploy(Options))
                .Configure(app => app.UseSlipwayDeploy()));

    protected override void ConfigureWebHost(IWebHostBuilder builder) => builder.UseContentRoot(Options.DataDir);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        DeployHost.InitializeAsync(host.Services, CancellationToken.None).GetAwaiter().GetResult();
        return host;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(Options.DataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [GeneratedRegex(@"Sign in as: demo / (\S+)")]
    private static partial Regex SignInLine();
}
