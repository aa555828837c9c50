using Microsoft.Extensions.Logging;
using Slipway.Cli.Commands;
using Slipway.Deploy.Testing;

namespace Slipway.Deploy.Tests.Support;

/// <summary>
/// The real service (Slipway.Deploy's own wiring, the CLI's command parser) on a test server, with a data folder
/// of its own and every log line kept so tests can search them.
/// </summary>
public sealed class DeployFactory(string? database, string? adminPassword) : DeployServiceFactory<DeployFactory.EntryPoint>(new DeployOptions
{
    DataDir = Directory.CreateTempSubdirectory("slipway-deploy-test-").FullName,
    Database = database,
    AdminPassword = adminPassword,
    SetupOutput = new StringWriter(),
    CheckCommand = ServeCommand.CheckJobCommand,
})
{
    /// <summary>WebApplicationFactory wants a type from an assembly with an entry point: the test assembly has one.</summary>
    public sealed class EntryPoint;

    public CapturedLog Log { get; } = new();

    public StringWriter SetupOutput => (StringWriter)Options.SetupOutput!;

    protected override void ConfigureLogging(ILoggingBuilder logging) =>
        logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddProvider(Log);
}
