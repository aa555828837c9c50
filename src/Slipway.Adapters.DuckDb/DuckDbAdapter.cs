using System.Data.Common;
using System.Globalization;
using DuckDB.NET.Data;
using Slipway.Adapters.Results;

namespace Slipway.Adapters.DuckDb;

/// <summary>
/// The embedded DuckDB adapter. One database instance per adapter; each thread gets its own connection to
/// it (a duplicate of the root connection, so even <c>:memory:</c> is shared). Extensions are only loaded
/// when bundled with the engine: nothing is downloaded.
/// </summary>
public sealed partial class DuckDbAdapter : AdapterBase
{
    private readonly DuckDBConnection _root;

    public DuckDbAdapter(DuckDbCredentials credentials) : base(MakeTarget(credentials))
    {
        Credentials = credentials;
        if (!credentials.InMemory) Directory.CreateDirectory(Path.GetDirectoryName(credentials.Path)!);
        try
        {
            _root = new DuckDBConnection(new DuckDBConnectionStringBuilder { DataSource = credentials.Path }.ConnectionString);
            _root.Open();
        }
        catch (Exception e) when (e is DbException or InvalidOperationException)
        {
            throw DatabaseError(e, $"Could not open DuckDB database '{credentials.Path}' for target '{credentials.TargetName}'");
        }
        try
        {
            Initialize();
        }
        catch
        {
            _root.Dispose();
            throw;
        }
    }

    /// <summary>Builds the adapter for a profile target (the engine's <c>Target.Settings</c>).</summary>
    public static DuckDbAdapter Create(string targetName, IReadOnlyDictionary<string, object?> target, string projectDir) =>
        new(DuckDbCredentials.FromTarget(targetName, target, projectDir));

    public DuckDbCredentials Credentials { get; }

    // DuckDB ≥ 1.4 supports MERGE, so dbt-duckdb offers merge and microbatch besides append and delete+insert.
    public override IReadOnlyList<string> ValidIncrementalStrategies { get; } = ["append", "delete+insert", "merge", "microbatch"];

    protected override string BindingChar => "?";

    /// <summary>dbt-duckdb's extra <c>adapter</c> methods; MotherDuck is never in use here.</summary>
    public override bool TryGetAttribute(string name, out object? value)
    {
        value = name switch
        {
            "is_motherduck" => new Slipway.Jinja.JinjaFunction(name, _ => false),
            "external_root" => new Slipway.Jinja.JinjaFunction(name, _ =>
                Credentials.Raw.TryGetValue("external_root", out var root) && root is string r ? r : "."),
            _ => null,
        };
        return value is not null || base.TryGetAttribute(name, out value);
    }

    private static AdapterTarget MakeTarget(DuckDbCredentials c)
    {
        var (visible, secrets) = AdapterTarget.Split(c.Raw);
        // Settings such as s3_secret_access_key are credentials even though 'settings' itself is not.
        foreach (var (k, v) in c.Settings)
            if (AdapterTarget.IsSecretKey(k) && v is not null) secrets.Add(Convert.ToString(v, CultureInfo.InvariantCulture)!);
        visible["path"] = c.Path;
        return new AdapterTarget(c.TargetName, "duckdb", c.Database, c.Schema, c.Threads, visible, secrets);
    }

    private void Initialize()
    {
        // No query may reach the network to fetch an extension behind the user's back.
        Exec(_root, "SET autoinstall_known_extensions = false");
        foreach (var name in Credentials.Extensions) LoadExtension(name);
        foreach (var a in Credentials.Attach)
        {
            var options = a.ReadOnly ? " (READ_ONLY)" : "";
            var path = a.Path == ":memory:" ? ":memory:" : a.Path;
            Exec(_root, $"ATTACH IF NOT EXISTS {Literal(path)} AS {Quote(a.Alias)}{options}");
        }
        ApplySettings(_root);
    }

    private void LoadExtension(string name)
    {
        using var cmd = _root.CreateCommand();
        cmd.CommandText = $"""
            select extension_name, installed, loaded from duckdb_extensions()
            where extension_name = lower({Literal(name)}) or list_contains(aliases, lower({Literal(name)}))
            """;
        using var reader = cmd.ExecuteReader();
        if (!reader.Read() || !(reader.GetBoolean(1) || reader.GetBoolean(2)))
            throw new AdapterException(
                $"Target '{Credentials.TargetName}': the DuckDB extension '{name}' is not bundled with Slipway's embedded DuckDB and would need a download; remove it from 'extensions' in the profile.");
        var canonical = reader.GetString(0);
        if (!reader.GetBoolean(2)) Exec(_root, $"LOAD {canonical}");
    }

    private void ApplySettings(DuckDBConnection connection)
    {
        foreach (var (key, value) in Credentials.Settings)
            Exec(connection, $"SET {key} = {SettingValue(value)}");
    }

    private static string SettingValue(object? value) => value switch
    {
        null => "NULL",
        bool b => b ? "true" : "false",
        long or int or double or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => Literal(Convert.ToString(value, CultureInfo.InvariantCulture)!),
    };

    private void Exec(DuckDBConnection connection, string sql)
    {
        try
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
        catch (DbException e)
        {
            throw DatabaseError(e, $"Could not set up DuckDB target '{Credentials.TargetName}'");
        }
    }

    protected override DbConnection OpenConnectionCore()
    {
        // DuckDB.NET shares one database instance per file path within the process, so a file gets a plain new
        // connection; :memory: has no path to share by and must be duplicated from the root connection.
        var connection = Credentials.InMemory ? _root.Duplicate() : new DuckDBConnection(_root.ConnectionString);
        if (connection.State != System.Data.ConnectionState.Open) connection.Open();
        // SET is session-scoped for most options, so every connection gets the profile's settings.
        ApplySettings(connection);
        return connection;
    }

    protected override string ColumnTypeName(DbDataReader reader, int ordinal) =>
        reader.GetDataTypeName(ordinal).ToUpperInvariant();

    protected override AdapterResponse MakeResponse(string sql, long rowsAffected) =>
        new("OK", null, rowsAffected < 0 ? null : rowsAffected);

    public override void Dispose()
    {
        base.Dispose();
        _root.Dispose();
    }
}
