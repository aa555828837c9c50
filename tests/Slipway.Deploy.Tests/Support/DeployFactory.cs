using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Slipway.Cli.Commands;

namespace Slipway.Deploy.Tests.Support;

/// <summary>
/// The real service (Slipway.Deploy's own wiring, the CLI's command parser) on a test server, with a data folder
/// of its own and every log line kept so tests can search them.
/// </summary>
public sealed class DeployFactory : WebApplicationFactory<DeployFactory.EntryPoint>
{
    /// <summary>WebApplicationFactory wants a type from an assembly with an entry point: the test assembly has one.</summary>
    public sealed class EntryPoint;

    public DeployOptions Options { get; }
    public CapturedLog Log { get; } = new();
    public StringWriter SetupOutput { get; } = new();

    public DeployFactory(string? database, string? adminPassword)
    {
        Options = new DeployOptions
        {
            DataDir = Directory.CreateTempSubdirectory("slipway-deploy-test-").FullName,
            Database = database,
            AdminPassword = adminPassword,
            SetupOutput = SetupOutput,
            CheckCommand = ServeCommand.CheckJobCommand,
        };
    }

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(Log))
            .ConfigureWebHostDefaults(web => web
                .UseContentRoot(Options.DataDir)
                .ConfigureServices(services => services.AddSlipwayDeploy(Options))
                .Configure(app => app.UseSlipwayDeploy()));

    // The service's content root is its data folder, not a source folder next to a solution file.
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
}
