using System.Globalization;
using Npgsql;

namespace Slipway.Adapters.Postgres;

/// <summary>
/// A <c>type: postgres</c> profile target with dbt-postgres's keys: <c>host</c>, <c>port</c> (5432), <c>user</c>,
/// <c>password</c>/<c>pass</c>, <c>dbname</c>/<c>database</c>, <c>schema</c>, <c>threads</c>, <c>sslmode</c>,
/// <c>sslcert</c>/<c>sslkey</c>/<c>sslrootcert</c>, <c>connect_timeout</c> (10 s), <c>keepalives_idle</c>,
/// <c>search_path</c>, <c>role</c>, <c>application_name</c> and <c>retries</c> (1). <c>env_var()</c> is rendered
/// before the adapter sees the values.
/// </summary>
public sealed record PostgresCredentials(
    string TargetName,
    string Host,
    int Port,
    string User,
    string? Password,
    string Database,
    string Schema,
    int Threads,
    string? SslMode,
    int ConnectTimeout,
    int KeepalivesIdle,
    string? SearchPath,
    string? Role,
    int Retries,
    IReadOnlyDictionary<string, object?> Raw)
{
    public static PostgresCredentials FromTarget(string targetName, IReadOnlyDictionary<string, object?> target)
    {
        string Required(params string[] keys) =>
            keys.Select(k => Str(target, k)).FirstOrDefault(v => v is not null)
            ?? throw new AdapterException($"Target '{targetName}': a postgres target needs '{keys[0]}'.");
        int Int(string key, int fallback, int min)
        {
            if (!target.TryGetValue(key, out var v) || v is null || v is string { Length: 0 }) return fallback;
            if (long.TryParse(Convert.ToString(v, CultureInfo.InvariantCulture), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= int.MaxValue)
                return (int)n;
            throw new AdapterException($"Target '{targetName}': '{key}' is '{v}', expected a whole number of at least {min}.");
        }

        var sslMode = Str(target, "sslmode");
        if (sslMode is not null) ParseSslMode(targetName, sslMode);
        return new PostgresCredentials(
            targetName,
            Required("host"),
            Int("port", 5432, 1),
            Required("user", "username"),
            Str(target, "password") ?? Str(target, "pass"),
            Required("dbname", "database"),
            Required("schema"),
            Math.Max(1, Int("threads", 1, 1)),
            sslMode,
            Int("connect_timeout", 10, 0),
            Int("keepalives_idle", 0, 0),
            Str(target, "search_path"),
            Str(target, "role"),
            Int("retries", 1, 0),
            target);
    }

    private static string? Str(IReadOnlyDictionary<string, object?> d, string key) =>
        d.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static SslMode ParseSslMode(string targetName, string value) => value.ToLowerInvariant() switch
    {
        "disable" => Npgsql.SslMode.Disable,
        "allow" => Npgsql.SslMode.Allow,
        "prefer" => Npgsql.SslMode.Prefer,
        "require" => Npgsql.SslMode.Require,
        "verify-ca" => Npgsql.SslMode.VerifyCA,
        "verify-full" => Npgsql.SslMode.VerifyFull,
        _ => throw new AdapterException(
            $"Target '{targetName}': sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full."),
    };

    /// <summary>The Npgsql connection string: pooled, with libpq's settings mapped to Npgsql's names.</summary>
    public string ConnectionString()
    {
        var b = new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Username = User,
            Database = Database,
            Timeout = ConnectTimeout,
            // Statements run as long as they need; cancellation is explicit.
            CommandTimeout = 0,
            Pooling = true,
            MaxPoolSize = Math.Max(100, Threads + 4),
            ApplicationName = Str(Raw, "application_name") ?? "slipway",
            // The server's DETAIL line goes into the debug detail of errors (secrets are masked there too).
            IncludeErrorDetail = true,
        };
        if (Password is not null) b.Password = Password;
        if (SslMode is not null) b.SslMode = ParseSslMode(TargetName, SslMode);
        if (Str(Raw, "sslcert") is { } cert) b.SslCertificate = cert;
        if (Str(Raw, "sslkey") is { } key) b.SslKey = key;
        if (Str(Raw, "sslrootcert") is { } root) b.RootCertificate = root;
        if (KeepalivesIdle > 0)
        {
            b.TcpKeepAlive = true;
            b.TcpKeepAliveTime = KeepalivesIdle;
        }
        // libpq's options='-c search_path=…' as dbt-postgres passes it; Npgsql sends it at startup.
        if (!string.IsNullOrEmpty(SearchPath)) b.SearchPath = SearchPath;
        return b.ConnectionString;
    }
}
