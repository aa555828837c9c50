using System.Globalization;

namespace Slipway.Engine.Project;

/// <summary>
/// Finds and reads profiles.yml like dbt: the folder from <c>--profiles-dir</c>, else <c>DBT_PROFILES_DIR</c>, else
/// the project directory or the current directory when they hold a profiles.yml, else <c>~/.dbt/</c>. The profile is
/// <c>--profile</c> or the project's <c>profile:</c>; the target <c>--target</c>, else <c>DBT_TARGET</c>, else the
/// profile's <c>target:</c> (dbt's fallback name is <c>default</c>). The chosen output is rendered with
/// <c>env_var</c> (secrets allowed, and masked) and <c>var</c> (command-line vars only).
/// </summary>
public static class ProfileLoader
{
    public const string FileName = "profiles.yml";

    /// <summary>Where the profiles.yml is looked for, in order, with how each place was chosen.</summary>
    public static IReadOnlyList<(string Dir, string FoundBy)> SearchDirs(
        string? profilesDirFlag, string projectDir, EnvironmentVariables env, string? homeDir = null, string? currentDir = null)
    {
        if (!string.IsNullOrEmpty(profilesDirFlag)) return [(Path.GetFullPath(profilesDirFlag), "--profiles-dir")];
        if (env.Get("DBT_PROFILES_DIR") is { Length: > 0 } fromEnv) return [(Path.GetFullPath(fromEnv), "DBT_PROFILES_DIR")];
        var home = homeDir ?? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        var dirs = new List<(string, string)> { (Path.GetFullPath(projectDir), "project directory") };
        var cwd = Path.GetFullPath(currentDir ?? Directory.GetCurrentDirectory());
        if (!dirs.Any(d => d.Item1 == cwd)) dirs.Add((cwd, "current directory"));
        dirs.Add((Path.Combine(home, ".dbt"), "~/.dbt/"));
        return dirs;
    }

    public static Profile Load(ProfileRequest request)
    {
        var dirs = SearchDirs(request.ProfilesDirFlag, request.ProjectDir, request.Environment, request.HomeDir, request.CurrentDir);
        var found = dirs.FirstOrDefault(d => File.Exists(Path.Combine(d.Dir, FileName)));
        var profileName = request.ProfileFlag ?? request.ProjectProfileName;
        var looked = string.Join(", ", dirs.Select(d => Path.Combine(d.Dir, FileName)));
        if (profileName is null)
            throw new ProjectException(
                $"No profile is named: dbt_project.yml in {request.ProjectDir} has no 'profile:' key and --profile was not given.");
        if (found.Dir is null)
            throw new ProjectException($"Could not find profile named '{profileName}': no {FileName} found (looked for {looked}).");

        var file = Path.Combine(found.Dir, FileName);
        var yaml = YamlValues.Load(file);
        if (yaml.Root is not IDictionary<string, object?> root || !root.TryGetValue(profileName, out var p) || p is null)
            throw new ProjectException(
                $"Could not find profile named '{profileName}' in {file} (found by {found.FoundBy}; profiles there: {Names(yaml.Root)}).");
        if (p is not IDictionary<string, object?> profile)
            throw yaml.Error($"has profile '{profileName}' that is not a mapping with 'target' and 'outputs'", profileName);

        var context = new ConfigRenderContext(ProjectVars.CliOnly(request.CliVars), request.Environment, target: null, allowSecrets: true);
        var outputs = profile.TryGetValue("outputs", out var o) ? o as IDictionary<string, object?> : null;
        if (outputs is null || outputs.Count == 0)
            throw yaml.Error($"has profile '{profileName}' without 'outputs' (a mapping of target names to connection settings)", profileName);

        string targetName, chosenBy;
        if (!string.IsNullOrEmpty(request.TargetFlag)) (targetName, chosenBy) = (request.TargetFlag, "--target");
        else if (request.Environment.Get("DBT_TARGET") is { Length: > 0 } envTarget) (targetName, chosenBy) = (envTarget, "DBT_TARGET");
        else
        {
            var rendered = profile.TryGetValue("target", out var t) ? NativeRenderer.Render(t, context, $"{file} '{profileName}.target'") : null;
            (targetName, chosenBy) = (rendered is null ? "default" : Convert.ToString(rendered, CultureInfo.InvariantCulture)!, "profile default");
        }
        if (!outputs.TryGetValue(targetName, out var rawOutput) || rawOutput is not IDictionary<string, object?> output)
            throw new ProjectException(
                $"The profile '{profileName}' in {file} does not have a target named '{targetName}' (chosen by {chosenBy}); its targets are: {string.Join(", ", outputs.Keys)}.");

        var settings = (IDictionary<string, object?>)NativeRenderer.Render(output, context, $"{file} '{profileName}.outputs.{targetName}'")!;
        foreach (var key in Target.SecretKeys)
            if (settings.TryGetValue(key, out var secret) && secret is string s) request.Environment.Masker.Add(s);

        return new Profile
        {
            Name = profileName,
            ProfilesFile = file,
            FoundBy = found.FoundBy,
            Target = BuildTarget(yaml, profileName, targetName, settings),
            TargetChosenBy = chosenBy,
            TargetNames = [.. outputs.Keys],
        };
    }

    private static Target BuildTarget(YamlValues yaml, string profileName, string targetName, IDictionary<string, object?> settings)
    {
        string[] keys = [profileName, "outputs", targetName];
        var type = settings.TryGetValue("type", out var t) ? t as string : null;
        if (string.IsNullOrEmpty(type))
            throw yaml.Error($"has target '{targetName}' without 'type' (the adapter, e.g. type: duckdb)", keys);
        var threads = 1;
        if (settings.TryGetValue("threads", out var th) && th is not null)
        {
            if (th is long l && l > 0) threads = (int)l;
            else if (th is string ts && int.TryParse(ts, out var parsed) && parsed > 0) threads = parsed;
            else throw yaml.Error($"has target '{targetName}' with threads '{th}', expected a positive whole number", [.. keys, "threads"]);
        }
        var filled = new OrderedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in settings) filled[k] = v;
        string schema, database;
        switch (type)
        {
            case "duckdb":
                var path = settings.TryGetValue("path", out var p) && p is string ps ? ps : ":memory:";
                filled["path"] = path;
                schema = Str(settings, "schema") ?? "main";
                database = Str(settings, "database") ?? DuckDbDatabaseName(path);
                break;
            case "postgres":
                // dbt-postgres accepts `dbname` or its alias `database`.
                database = Str(settings, "dbname") ?? Str(settings, "database")
                    ?? throw yaml.Error($"has postgres target '{targetName}' without 'dbname'", keys);
                schema = Str(settings, "schema") ?? throw yaml.Error($"has postgres target '{targetName}' without 'schema'", keys);
                filled.TryAdd("port", 5432L);
                break;
            default:
                schema = Str(settings, "schema") ?? throw yaml.Error($"has target '{targetName}' without 'schema'", keys);
                database = Str(settings, "database") ?? Str(settings, "dbname") ?? "";
                break;
        }
        filled["schema"] = schema;
        filled["database"] = database;
        filled["threads"] = (long)threads;
        return new Target
        {
            Name = targetName, ProfileName = profileName, Type = type, Schema = schema, Database = database,
            Threads = threads, Settings = filled,
        };
    }

    /// <summary>dbt-duckdb names the database after the file's stem (<c>ci.duckdb</c> → <c>ci</c>); in memory it is <c>memory</c>.</summary>
    public static string DuckDbDatabaseName(string path)
    {
        if (path is ":memory:" or "" || path.StartsWith(":memory:", StringComparison.Ordinal)) return "memory";
        if (path.StartsWith("md:", StringComparison.Ordinal) || path.StartsWith("motherduck:", StringComparison.Ordinal))
            return path[(path.IndexOf(':') + 1)..].Split('?')[0] is { Length: > 0 } md ? md : "my_db";
        return Path.GetFileNameWithoutExtension(path.Split('?')[0]);
    }

    private static string? Str(IDictionary<string, object?> d, string key) =>
        d.TryGetValue(key, out var v) && v is not null ? Convert.ToString(v, CultureInfo.InvariantCulture) : null;

    private static string Names(object? root) => root is IDictionary<string, object?> d && d.Count > 0
        ? string.Join(", ", d.Keys.Where(k => k != "config")) : "none";
}

/// <summary>What <see cref="ProfileLoader.Load"/> needs from the command line and the project.</summary>
public sealed record ProfileRequest
{
    public required string ProjectDir { get; init; }
    public string? ProjectProfileName { get; init; }
    public string? ProfilesDirFlag { get; init; }
    public string? ProfileFlag { get; init; }
    public string? TargetFlag { get; init; }
    public IReadOnlyDictionary<string, object?> CliVars { get; init; } = DbtProject.Empty;
    public required EnvironmentVariables Environment { get; init; }
    /// <summary>Overrides the home folder (tests); null means the user's.</summary>
    public string? HomeDir { get; init; }
    public string? CurrentDir { get; init; }
}
