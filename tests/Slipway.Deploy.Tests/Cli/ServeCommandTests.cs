using Slipway.Cli.CommandLine;
using Slipway.Cli.Commands;

namespace Slipway.Deploy.Tests.Cli;

/// <summary>The <c>serve</c> command's options, and the job-command check the service borrows from the CLI.</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public void Serve_takes_data_dir_urls_database_and_admin_password()
    {
        var parsed = CommandLineParser.Parse(
            ["serve", "--data-dir", "/srv/slipway", "--urls", "http://0.0.0.0:9000", "--database", "Host=db;Database=slipway", "--admin-password", "x"], _ => null);
        var invocation = parsed.Invocation!;
        Assert.Equal("serve", invocation.Command);
        Assert.Equal("/srv/slipway", invocation.GetString("data_dir"));
        Assert.Equal("http://0.0.0.0:9000", invocation.GetString("urls"));
        Assert.Equal("Host=db;Database=slipway", invocation.GetString("database"));
        Assert.Equal("x", invocation.GetString("admin_password"));
        // The service's options belong to serve only.
        Assert.Throws<UsageException>(() => CommandLineParser.Parse(["run", "--admin-password", "x"], _ => null));
        // Environment variables supply them too (the password stays out of the process list).
        var fromEnv = CommandLineParser.Parse(["serve"], name => name == "SLIPWAY_ADMIN_PASSWORD" ? "from-env" : null);
        Assert.Equal("from-env", fromEnv.Invocation!.GetString("admin_password"));
    }

    [Fact]
    public void Job_commands_are_checked_with_the_CLI_parser()
    {
        Assert.Null(ServeCommand.CheckJobCommand(["run", "--select", "tag:x"]));
        Assert.Null(ServeCommand.CheckJobCommand(["source", "freshness"]));
        Assert.NotNull(ServeCommand.CheckJobCommand(["run", "--selectt", "x"]));
        Assert.NotNull(ServeCommand.CheckJobCommand(["runn"]));
        Assert.NotNull(ServeCommand.CheckJobCommand(["--version"]));
    }
}
