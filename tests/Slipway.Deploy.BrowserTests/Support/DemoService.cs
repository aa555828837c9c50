using System.Text.RegularExpressions;
using Slipway.Cli.Commands;
using Slipway.Deploy.Testing;

namespace Slipway.Deploy.BrowserTests.Support;

/// <summary>
/// The service as <c>slipway serve --demo</c> starts it (fresh data dir, the Harbor Shop demo), on real Kestrel on a
/// free loopback port so a real browser can reach it. The demo password is read from what the service prints.
/// </summary>
public sealed partial class DemoService : DeployServiceFactory<DemoService.EntryPoint>
{
    /// <summary>WebApplicationFactory wants a type from an assembly with an entry point: the test assembly has one.</summary>
    public sealed class EntryPoint;

    public DemoService(bool workersExecuteRuns = true) : base(new DeployOptions
    {
        DataDir = Directory.CreateTempSubdirectory("slipway-browser-").FullName,
        SetupOutput = new StringWriter(),
        CheckCommand = ServeCommand.CheckJobCommand,
        Demo = true,
    })
    {
        // As `slipway serve` does: this node's workers execute the queued runs (child slipway processes).
        Options.Workers.Enabled = workersExecuteRuns;
        UseKestrel(0);
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        Password = SignInLine().Match(Printed) is { Success: true } m ? m.Groups[1].Value
            : throw new InvalidOperationException("The demo did not print its sign-in line:\n" + Printed);
    }

    public string BaseUrl { get; }

    public string Password { get; }

    public string Printed => Options.SetupOutput.ToString()!;

    [GeneratedRegex(@"Sign in as: demo / (\S+)")]
    private static partial Regex SignInLine();
}
