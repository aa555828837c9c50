namespace Slipway.Adapters.DuckDb.Tests;

/// <summary>A temp folder holding a real DuckDB file and the adapter for it; deleted on dispose.</summary>
internal sealed class TempDuckDb : IDisposable
{
    public TempDuckDb(Dictionary<string, object?>? target = null, string file = "dev.duckdb")
    {
        Dir = Path.Combine(Path.GetTempPath(), "slipway-adapters-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Dir);
        target ??= new Dictionary<string, object?>();
        target.TryAdd("type", "duckdb");
        target.TryAdd("path", file);
        Adapter = DuckDbAdapter.Create("dev", target, Dir);
    }

    public string Dir { get; }
    public DuckDbAdapter Adapter { get; }

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    public object? Scalar(string sql) => Adapter.Execute(sql, fetch: true).Table.Rows[0][0];

    /// <summary>Runs on a new thread, which therefore gets its own connection.</summary>
    public static T OnOtherThread<T>(Func<T> body)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try { result = body(); }
            catch (Exception e) { error = e; }
        });
        thread.Start();
        thread.Join();
        if (error is not null) throw error;
        return result;
    }

    public void Dispose()
    {
        Adapter.Dispose();
        try { Directory.Delete(Dir, true); } catch (IOException) { /* best effort */ }
    }
}
