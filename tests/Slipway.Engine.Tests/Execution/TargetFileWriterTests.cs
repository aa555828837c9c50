using Slipway.Engine.Execution;

namespace Slipway.Engine.Tests.Execution;

/// <summary>The run's per-node files are written on their own thread: in order, all of them by Flush, failures reported.</summary>
public sealed class TargetFileWriterTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "slipway-files-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Every_file_is_written_by_flush_and_a_later_write_of_a_path_wins()
    {
        using (var writer = new TargetFileWriter())
        {
            for (var i = 0; i < 200; i++) writer.Write(Path.Combine(_root, "compiled", $"m{i % 50}.sql"), $"select {i}");
            writer.Flush();
            for (var i = 0; i < 50; i++)
                Assert.Equal($"select {150 + i}", File.ReadAllText(Path.Combine(_root, "compiled", $"m{i}.sql")));
        }
    }

    [Fact]
    public void A_file_that_cannot_be_written_is_reported_by_flush_and_the_others_are_still_written()
    {
        Directory.CreateDirectory(_root);
        File.WriteAllText(Path.Combine(_root, "blocker"), "a file where a folder should be");
        using var writer = new TargetFileWriter();
        writer.Write(Path.Combine(_root, "blocker", "m.sql"), "select 1");
        writer.Write(Path.Combine(_root, "ok", "n.sql"), "select 2");

        var error = Assert.Throws<IOException>(writer.Flush);

        Assert.Contains("target/", error.Message);
        Assert.Equal("select 2", File.ReadAllText(Path.Combine(_root, "ok", "n.sql")));
        writer.Flush();
    }

    [Fact]
    public void Disposing_writes_what_is_still_queued()
    {
        var writer = new TargetFileWriter();
        for (var i = 0; i < 20; i++) writer.Write(Path.Combine(_root, "run", $"m{i}.sql"), $"create view m{i}");
        writer.Dispose();
        Assert.Equal(20, Directory.GetFiles(Path.Combine(_root, "run")).Length);
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
