using Slipway.Engine.Logging;
using Slipway.Engine.Project;
using Slipway.Engine.Tests.Project;

namespace Slipway.Engine.Tests.Logging;

public class EventLogTests
{
    private static readonly DateTime Noon = new(2026, 1, 2, 12, 34, 56, DateTimeKind.Utc);

    [Fact]
    public void Text_lines_carry_dbts_time_prefix_and_secrets_are_masked()
    {
        var console = new StringWriter();
        var masker = new SecretMasker();
        masker.Add("pw-123456");
        using (var log = new EventLog(console, new EventLogOptions("default", false, false, null, "id"), masker, () => Noon))
        {
            log.Info("connecting with pw-123456");
            log.Warn("careful");
            log.Debug("hidden without --debug");
            log.Print("raw output");
        }

        Assert.Equal("12:34:56  connecting with *****\n12:34:56  [WARNING]: careful\nraw output\n", console.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Quiet_keeps_errors_and_printed_output()
    {
        var console = new StringWriter();
        using (var log = new EventLog(console, new EventLogOptions("text", true, false, null, "id"), new SecretMasker(), () => Noon))
        {
            log.Info("info");
            log.Error("error");
            log.Print("printed");
        }

        Assert.Equal("12:34:56  error\nprinted\n", console.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_debug_log_rotates_past_ten_megabytes()
    {
        using var dir = new TempFolder();
        var file = dir.Write("logs/dbt.log", new string('x', (int)EventLog.MaxLogFileBytes));
        dir.Write("logs/dbt.log.1", "older");

        using (var log = new EventLog(new StringWriter(), new EventLogOptions("text", false, false, file, "id"), new SecretMasker(), () => Noon))
            log.Info("fresh");

        Assert.Equal("older", File.ReadAllText(file + ".2"));
        Assert.Equal(EventLog.MaxLogFileBytes, new FileInfo(file + ".1").Length);
        Assert.Contains("[info ] [MainThread]: fresh", File.ReadAllText(file));
    }
}
