namespace Slipway.Engine.Project;

/// <summary>
/// One parsed command line: the command and every flag given (or taken from its <c>DBT_*</c> environment variable),
/// immutable. Flag names are dbt's, in snake_case (<c>full_refresh</c>, <c>select</c>, <c>project_dir</c>); Jinja sees
/// them upper-cased as <c>flags.FULL_REFRESH</c> and as <c>invocation_args_dict</c>. Values are string, bool, long or
/// a list of strings.
/// </summary>
public sealed class Invocation
{
    public Invocation(string command, IReadOnlyDictionary<string, object?> flags, IReadOnlyList<string>? arguments = null,
        IReadOnlyList<string>? rawArgs = null)
    {
        Command = command;
        // Copied so the caller's collections cannot change an invocation after the fact.
        Flags = flags.ToDictionary(kv => kv.Key, kv => kv.Value is List<string> l ? (object?)l.ToArray() : kv.Value,
            StringComparer.Ordinal);
        Arguments = arguments ?? [];
        RawArgs = rawArgs ?? [];
        CliVars = flags.TryGetValue("vars", out var v) && v is string text ? ParseVars(text) : DbtProject.Empty;
    }

    /// <summary>The command as typed, sub-commands included: <c>run</c>, <c>docs generate</c>, <c>source freshness</c>, <c>list</c>.</summary>
    public string Command { get; }

    /// <summary>dbt's <c>flags.WHICH</c>: the last word of the command (<c>generate</c>, <c>freshness</c>), <c>list</c> for ls.</summary>
    public string Which => Command switch
    {
        "ls" => "list",
        _ => Command.Split(' ')[^1],
    };

    public IReadOnlyDictionary<string, object?> Flags { get; }

    /// <summary>Positional arguments (the macro of <c>run-operation</c>).</summary>
    public IReadOnlyList<string> Arguments { get; }

    /// <summary>The command line as given, for <c>invocation_command</c> in run_results.json.</summary>
    public IReadOnlyList<string> RawArgs { get; }

    /// <summary><c>--vars</c> parsed as YAML (JSON is YAML); empty when not given.</summary>
    public IReadOnlyDictionary<string, object?> CliVars { get; }

    /// <summary>
    /// This invocation with <paramref name="defaults"/> (dbt_project.yml's <c>flags:</c>) filling the flags the command
    /// line and <c>DBT_*</c> variables left unset — dbt's precedence: command line &gt; environment &gt; project file.
    /// </summary>
    public Invocation WithDefaults(IReadOnlyDictionary<string, object?> defaults)
    {
        if (defaults.Count == 0) return this;
        var merged = Flags.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        foreach (var (k, v) in defaults) merged.TryAdd(k, v);
        return new Invocation(Command, merged, Arguments, RawArgs);
    }

    public string? GetString(string flag) => Flags.TryGetValue(flag, out var v) ? v as string : null;
    public bool GetBool(string flag) => Flags.TryGetValue(flag, out var v) && v is true;
    public IReadOnlyList<string> GetList(string flag) =>
        Flags.TryGetValue(flag, out var v) && v is IReadOnlyList<string> l ? l : [];

    /// <summary>
    /// <c>--project-dir</c>/<c>DBT_PROJECT_DIR</c>, else (as dbt) the nearest folder holding dbt_project.yml from the
    /// current directory upwards, else the current directory.
    /// </summary>
    public string ProjectDir => GetString("project_dir") ?? DbtProjectLoader.FindProjectDir(Directory.GetCurrentDirectory());
    public string? ProfilesDir => GetString("profiles_dir");
    public string? Profile => GetString("profile");
    public string? Target => GetString("target");
    public int? Threads => Flags.TryGetValue("threads", out var v) && v is long l ? (int)l : null;
    public IReadOnlyList<string> Select => GetList("select");
    public IReadOnlyList<string> Exclude => GetList("exclude");
    public string? Selector => GetString("selector");
    public IReadOnlyList<string> ResourceTypes => GetList("resource_type");
    public IReadOnlyList<string> ExcludeResourceTypes => GetList("exclude_resource_type");
    public string IndirectSelection => GetString("indirect_selection") ?? "eager";
    public string? State => GetString("state");
    public bool Defer => GetBool("defer");
    public bool FullRefresh => GetBool("full_refresh");
    public bool FailFast => GetBool("fail_fast");
    public bool Empty => GetBool("empty");
    public string? TargetPath => GetString("target_path");
    public string? LogPath => GetString("log_path");
    public string LogFormat => GetString("log_format") ?? "default";
    public bool Quiet => GetBool("quiet");
    public bool Debug => GetBool("debug");
    public string? Output => GetString("output");
    public IReadOnlyList<string> OutputKeys => GetList("output_keys");
    public string? Inline => GetString("inline");
    /// <summary><c>docs generate --no-compile</c> sets this false.</summary>
    public bool Compile => !Flags.TryGetValue("compile", out var v) || v is not false;

    /// <summary>Jinja's <c>flags</c>: every flag upper-cased, plus <c>WHICH</c> and dbt's defaults for the common ones.</summary>
    public IDictionary<string, object?> ToJinjaFlags()
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["WHICH"] = Which,
            ["FULL_REFRESH"] = FullRefresh,
            ["STORE_FAILURES"] = GetBool("store_failures"),
            ["EMPTY"] = Empty,
            ["FAIL_FAST"] = FailFast,
            ["DEBUG"] = Debug,
            ["QUIET"] = Quiet,
            ["DEFER"] = Defer,
            ["WARN_ERROR"] = GetBool("warn_error"),
            ["INDIRECT_SELECTION"] = IndirectSelection,
            ["LOG_FORMAT"] = LogFormat,
            ["INTROSPECT"] = !Flags.TryGetValue("introspect", out var i) || i is not false,
            ["PARTIAL_PARSE"] = !Flags.TryGetValue("partial_parse", out var pp) || pp is not false,
            ["USE_COLORS"] = !Flags.TryGetValue("use_colors", out var uc) || uc is not false,
            ["WRITE_JSON"] = !Flags.TryGetValue("write_json", out var wj) || wj is not false,
            ["PROJECT_DIR"] = ProjectDir,
            ["TARGET_PATH"] = TargetPath,
            ["STATE"] = State,
            ["THREADS"] = Threads is { } t ? (long)t : null,
            ["VARS"] = CliVars,
        };
        foreach (var (k, v) in Flags) d[k.ToUpperInvariant()] = Jinja(v);
        return d;
    }

    /// <summary>dbt's <c>invocation_args_dict</c> (and run_results.json <c>args</c>): snake_case flags, <c>which</c>, <c>invocation_command</c>.</summary>
    public IDictionary<string, object?> ToInvocationArgsDict()
    {
        var d = new OrderedDictionary<string, object?>(StringComparer.Ordinal) { ["which"] = Which };
        foreach (var (k, v) in Flags.OrderBy(kv => kv.Key, StringComparer.Ordinal)) d[k] = k == "vars" ? CliVars : Jinja(v);
        d["invocation_command"] = "dbt " + string.Join(' ', RawArgs);
        return d;
    }

    private static object? Jinja(object? v) => v is IReadOnlyList<string> l ? l.Cast<object?>().ToList() : v;

    /// <summary>dbt's <c>--vars</c>: a YAML (or JSON) mapping; anything else is an error naming the flag.</summary>
    public static IReadOnlyDictionary<string, object?> ParseVars(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return DbtProject.Empty;
        var yaml = YamlValues.Parse(text, "--vars");
        return yaml.Root switch
        {
            null => DbtProject.Empty,
            IDictionary<string, object?> d => d.AsReadOnly(),
            var other => throw new ProjectException(
                $"The --vars argument must be a YAML dictionary, but was of type '{PythonTypeName(other)}'."),
        };
    }

    private static string PythonTypeName(object? v) => v switch
    {
        string => "str",
        long => "int",
        double => "float",
        bool => "bool",
        System.Collections.IList => "list",
        _ => "NoneType",
    };
}
