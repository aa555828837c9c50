using System.Text.Json;
using Slipway.Engine.Logging;
using Slipway.Engine.Project;

namespace Slipway.Adapters.Conformance.Capabilities;

/// <summary>
/// A small dbt project declared as data (path → text), written to a temp folder and run through the engine's
/// commands in-process — the code path of <c>slipway build</c> without the CLI — against <typeparamref name="TWarehouse"/>.
/// Every test builds into a schema of its own (and schemas starting with its name, e.g. the test audit schema), so
/// classes run in parallel on one server; they are dropped at the end.
/// </summary>
public abstract class CapabilityTestBase<TWarehouse> : IDisposable where TWarehouse : IWarehouse, new()
{
    private IAdapter? _adapter;

    protected CapabilityTestBase()
    {
        Root = Directory.CreateTempSubdirectory("slipway-capability-").FullName;
        Schema = "cap_" + Guid.NewGuid().ToString("N")[..10];
    }

    protected TWarehouse Warehouse { get; } = new();
    protected string Root { get; }
    protected string Schema { get; }
    protected string AdapterType => Warehouse.Type;

    /// <summary>The adapter for the test's own queries, opened on first use and closed before each engine run.</summary>
    protected IAdapter Adapter => _adapter ??= Warehouse.Open(Root);

    protected string Database => Adapter.Database;

    /// <summary><c>schema.name</c> in the test's schema.</summary>
    protected string Q(string name) => $"{Schema}.{name}";

    /// <summary>Writes dbt_project.yml (name <c>conformance</c>, plus <paramref name="projectYaml"/>), profiles.yml and the files.</summary>
    protected void Project(IReadOnlyDictionary<string, string> files, string projectYaml = "")
    {
        Write("dbt_project.yml", "name: conformance\nversion: '1.0'\nprofile: conformance\n" + projectYaml);
        var target = string.Concat(Warehouse.Target(Root, Schema).Select(kv => $"      {kv.Key}: {JsonSerializer.Serialize(kv.Value)}\n"));
        Write("profiles.yml", "conformance:\n  target: dev\n  outputs:\n    dev:\n" + target);
        foreach (var (path, text) in files) Write(path, text);
    }

    protected void Write(string path, string text)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
    }

    protected void Delete(string path) => File.Delete(Path.Combine(Root, path));

    /// <summary>Copies an existing project folder (without target/, logs/, dbt_packages/ and DuckDB files) into the temp folder.</summary>
    protected void CopyProject(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(folder, file);
            if (relative.Split(Path.DirectorySeparatorChar)[0] is "target" or "logs" or "dbt_packages" || relative.Contains(".duckdb", StringComparison.Ordinal)) continue;
            Write(relative, File.ReadAllText(file));
        }
    }

    /// <summary>The environment variables <c>env_var()</c> sees in the engine runs (none of the test process's).</summary>
    protected IReadOnlyDictionary<string, string> EnvironmentVariables { get; set; } = new Dictionary<string, string>();

    /// <summary>Runs a command (build, run, seed, test, snapshot, docs generate, source freshness, run-operation) as the CLI does.</summary>
    protected (int ExitCode, string Output) Run(string command, IReadOnlyDictionary<string, object?>? flags = null, IReadOnlyList<string>? arguments = null)
    {
        _adapter?.Dispose();
        _adapter = null;
        var all = new Dictionary<string, object?>(StringComparer.Ordinal) { ["project_dir"] = Root, ["profiles_dir"] = Root };
        foreach (var (k, v) in flags ?? new Dictionary<string, object?>()) all[k] = v;
        var invocation = new Invocation(command, all, arguments, [.. command.Split(' '), .. arguments ?? []]);
        var env = new EnvironmentVariables(EnvironmentVariables);
        using var console = new StringWriter();
        int code;
        using (var log = new EventLog(console, new EventLogOptions(invocation.LogFormat, invocation.Quiet, false,
                   Path.Combine(Root, "logs", "dbt.log"), Guid.NewGuid().ToString()), env.Masker))
        {
            try
            {
                var config = RuntimeConfig.Load(invocation, env);
                code = EngineCommands.Find(command)!.Execute(config, log, CancellationToken.None);
            }
            catch (Exception e) when (e is not (OutOfMemoryException or StackOverflowException))
            {
                log.Error("Encountered an error:\n" + e.Message);
                code = 2;
            }
        }
        return (code, console.ToString());
    }

    /// <summary>Runs the command and fails with the console output unless it exits with <paramref name="expectedExit"/>.</summary>
    protected string Ok(string command, IReadOnlyDictionary<string, object?>? flags = null, int expectedExit = 0, IReadOnlyList<string>? arguments = null)
    {
        var (code, output) = Run(command, flags, arguments);
        Assert.True(code == expectedExit, $"`{command}` exited {code}, expected {expectedExit}:\n{output}");
        return output;
    }

    protected static IReadOnlyDictionary<string, object?> Vars(string yaml) => new Dictionary<string, object?> { ["vars"] = yaml };

    protected static readonly IReadOnlyDictionary<string, object?> FullRefresh = new Dictionary<string, object?> { ["full_refresh"] = true };

    /// <summary>Each row of the query as its cells' <see cref="ValueText"/> joined by '|', in result order.</summary>
    protected string[] Rows(string sql) =>
        Adapter.Execute(sql, fetch: true).Table.Rows.Select(r => string.Join("|", r.Select(ValueText.Of))).ToArray();

    protected string Scalar(string sql) => Rows(sql).Single();

    protected void Exec(string sql) => Adapter.Execute(sql);

    /// <summary>The names of the relations in the test's schema (lower case, sorted) with their type: "name:table".</summary>
    protected string[] Relations(string? schema = null) =>
        Adapter.ListRelationsWithoutCaching(Database, schema ?? Schema)
            .Select(r => $"{r.Identifier!.ToLowerInvariant()}:{r.Type?.ToString().ToLowerInvariant()}").Order(StringComparer.Ordinal).ToArray();

    /// <summary>The results of target/run_results.json: unique_id → (status, failures).</summary>
    protected Dictionary<string, (string Status, long? Failures)> Results()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "target", "run_results.json")));
        return doc.RootElement.GetProperty("results").EnumerateArray().ToDictionary(
            r => r.GetProperty("unique_id").GetString()!,
            r => (r.GetProperty("status").GetString()!,
                  r.TryGetProperty("failures", out var f) && f.ValueKind == JsonValueKind.Number ? f.GetInt64() : (long?)null));
    }

    protected JsonDocument Artifact(string name) => JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "target", name)));

    public void Dispose()
    {
        try
        {
            var adapter = Adapter;
            foreach (var schema in adapter.ListSchemas(adapter.Database).Where(s => s.StartsWith(Schema, StringComparison.OrdinalIgnoreCase)))
                adapter.DropSchema(adapter.CreateRelation(adapter.Database, schema, null));
        }
        catch (AdapterException) { /* best effort: the folder (and a DuckDB file) goes anyway */ }
        _adapter?.Dispose();
        try { Directory.Delete(Root, true); } catch (IOException) { /* best effort */ } catch (UnauthorizedAccessException) { }
        GC.SuppressFinalize(this);
    }
}
