namespace Slipway.Adapters.Conformance;

/// <summary>
/// One adapter against a real warehouse, a temp folder for files and a fresh schema of its own, dropped at
/// the end. Subclasses name the warehouse by implementing <see cref="OpenAdapter"/>.
/// </summary>
public abstract class AdapterTestBase : IDisposable
{
    private IAdapter? _adapter;

    protected AdapterTestBase()
    {
        Dir = Directory.CreateTempSubdirectory("slipway-conformance-").FullName;
        Schema = "conf_" + Guid.NewGuid().ToString("N")[..10];
    }

    /// <summary>Opens the adapter under test; relative file paths resolve against <paramref name="dir"/>.</summary>
    protected abstract IAdapter OpenAdapter(string dir);

    /// <summary>A query that runs for far longer than any test waits (it is always cancelled).</summary>
    protected abstract string LongRunningQuery { get; }

    public string Dir { get; }
    public string Schema { get; }

    public IAdapter Adapter
    {
        get
        {
            if (_adapter is not null) return _adapter;
            _adapter = OpenAdapter(Dir);
            _adapter.CreateSchema(_adapter.CreateRelation(_adapter.Database, Schema, null));
            return _adapter;
        }
    }

    public string Database => Adapter.Database;

    /// <summary><c>schema.name</c> for SQL written in tests.</summary>
    public string Q(string name) => $"{Schema}.{name}";

    public object? Scalar(string sql) => Adapter.Execute(sql, fetch: true).Table.Rows[0][0];

    public long Count(string table) => Convert.ToInt64(Scalar($"select count(*) from {Q(table)}"));

    public string WriteFile(string name, string text)
    {
        var path = Path.Combine(Dir, name);
        File.WriteAllText(path, text);
        return path;
    }

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
        if (_adapter is not null)
        {
            try { _adapter.DropSchema(_adapter.CreateRelation(_adapter.Database, Schema, null)); }
            catch (AdapterException) { /* the test may have dropped it */ }
            _adapter.Dispose();
        }
        try { Directory.Delete(Dir, true); } catch (IOException) { /* best effort */ }
        GC.SuppressFinalize(this);
    }
}
