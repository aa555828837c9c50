using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Slipway.Deploy.Testing;

/// <summary>
/// The real service as <c>slipway serve</c> wires it (Slipway.Deploy's services and pipeline, schema applied at start)
/// in a test host whose content root is its own temporary data folder, deleted on dispose. Shared by the API tests and
/// the browser tests; each subclass names an entry-point type of its own test assembly.
/// </summary>
public abstract class DeployServiceFactory<TEntryPoint>(DeployOptions options) : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public DeployOptions Options { get; } = options;

    /// <summary>Where the host's log goes; by default nowhere.</summary>
    protected virtual void ConfigureLogging(ILoggingBuilder logging) => logging.ClearProviders();

    protected override IHostBuilder CreateHostBuilder() =>
        Host.CreateDefaultBuilder()
            .ConfigureLogging(ConfigureLogging)
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
