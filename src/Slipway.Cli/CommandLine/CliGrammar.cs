namespace Slipway.Cli.CommandLine;

/// <summary>dbt's commands and options (dbt-core 1.10 <c>core/dbt/cli/main.py</c> and <c>params.py</c>), as data.</summary>
internal static class CliGrammar
{
    /// <summary>Every command, sub-commands written with a space. <c>ls</c> is dbt's alias of <c>list</c>.</summary>
    public static readonly string[] Commands =
    [
        "build", "clean", "clone", "compile", "debug", "deps", "docs generate", "docs serve", "init", "list", "ls",
        "parse", "retry", "run", "run-operation", "seed", "show", "snapshot", "source freshness", "test",
        "serve", "worker",
    ];

    /// <summary>Words that need a sub-command.</summary>
    public static readonly Dictionary<string, string[]> Groups = new()
    {
        ["docs"] = ["generate", "serve"],
        ["source"] = ["freshness"],
    };

    private static readonly string[] Selecting =
        ["build", "run", "test", "seed", "snapshot", "compile", "list", "ls", "clone", "source freshness", "docs generate", "show"];

    public static readonly OptionSpec[] Options =
    [
        // project and profile
        new("project_dir", ["--project-dir"], OptionKind.Value, EnvVar: "DBT_PROJECT_DIR"),
        new("profiles_dir", ["--profiles-dir"], OptionKind.Value, EnvVar: "DBT_PROFILES_DIR"),
        new("profile", ["--profile"], OptionKind.Value, EnvVar: "DBT_PROFILE"),
        new("target", ["--target", "-t"], OptionKind.Value, EnvVar: "DBT_TARGET"),
        // execution
        new("vars", ["--vars"], OptionKind.Value),
        new("threads", ["--threads"], OptionKind.Value, IsInt: true),
        new("fail_fast", ["--fail-fast", "-x"], OptionKind.Flag, "--no-fail-fast", "DBT_FAIL_FAST"),
        // state and defer
        new("defer", ["--defer"], OptionKind.Flag, "--no-defer", "DBT_DEFER"),
        new("defer_state", ["--defer-state"], OptionKind.Value, EnvVar: "DBT_DEFER_STATE"),
        new("state", ["--state"], OptionKind.Value, EnvVar: "DBT_STATE"),
        new("favor_state", ["--favor-state"], OptionKind.Flag, "--no-favor-state", "DBT_FAVOR_STATE"),
        // logging and output
        new("warn_error", ["--warn-error"], OptionKind.Flag, EnvVar: "DBT_WARN_ERROR"),
        new("warn_error_options", ["--warn-error-options"], OptionKind.Value, EnvVar: "DBT_WARN_ERROR_OPTIONS"),
        new("log_level", ["--log-level"], OptionKind.Value, EnvVar: "DBT_LOG_LEVEL", Choices: ["debug", "info", "warn", "error", "none"]),
        new("log_level_file", ["--log-level-file"], OptionKind.Value, EnvVar: "DBT_LOG_LEVEL_FILE", Choices: ["debug", "info", "warn", "error", "none"]),
        new("log_format", ["--log-format"], OptionKind.Value, EnvVar: "DBT_LOG_FORMAT", Choices: ["text", "debug", "json", "default"]),
        new("log_format_file", ["--log-format-file"], OptionKind.Value, EnvVar: "DBT_LOG_FORMAT_FILE", Choices: ["text", "debug", "json", "default"]),
        new("log_path", ["--log-path"], OptionKind.Value, EnvVar: "DBT_LOG_PATH"),
        new("target_path", ["--target-path"], OptionKind.Value, EnvVar: "DBT_TARGET_PATH"),
        new("quiet", ["--quiet", "-q"], OptionKind.Flag, "--no-quiet", "DBT_QUIET"),
        new("print", ["--print"], OptionKind.Flag, "--no-print", "DBT_PRINT"),
        new("debug", ["--debug", "-d"], OptionKind.Flag, "--no-debug", "DBT_DEBUG"),
        new("use_colors", ["--use-colors"], OptionKind.Flag, "--no-use-colors", "DBT_USE_COLORS"),
        new("use_colors_file", ["--use-colors-file"], OptionKind.Flag, "--no-use-colors-file", "DBT_USE_COLORS_FILE"),
        new("printer_width", ["--printer-width"], OptionKind.Value, EnvVar: "DBT_PRINTER_WIDTH", IsInt: true),
        new("write_json", ["--write-json"], OptionKind.Flag, "--no-write-json", "DBT_WRITE_JSON"),
        // parsing
        new("partial_parse", ["--partial-parse"], OptionKind.Flag, "--no-partial-parse", "DBT_PARTIAL_PARSE"),
        new("static_parser", ["--static-parser"], OptionKind.Flag, "--no-static-parser", "DBT_STATIC_PARSER"),
        new("use_experimental_parser", ["--use-experimental-parser"], OptionKind.Flag, "--no-use-experimental-parser", "DBT_USE_EXPERIMENTAL_PARSER"),
        new("macro_debugging", ["--macro-debugging"], OptionKind.Flag, "--no-macro-debugging", "DBT_MACRO_DEBUGGING"),
        // other global flags
        new("indirect_selection", ["--indirect-selection"], OptionKind.Value, EnvVar: "DBT_INDIRECT_SELECTION", Choices: ["eager", "cautious", "buildable", "empty"]),
        new("send_anonymous_usage_stats", ["--send-anonymous-usage-stats"], OptionKind.Flag, "--no-send-anonymous-usage-stats", "DBT_SEND_ANONYMOUS_USAGE_STATS"),
        new("version_check", ["--version-check"], OptionKind.Flag, "--no-version-check", "DBT_VERSION_CHECK"),
        new("populate_cache", ["--populate-cache"], OptionKind.Flag, "--no-populate-cache", "DBT_POPULATE_CACHE"),
        new("cache_selected_only", ["--cache-selected-only"], OptionKind.Flag, "--no-cache-selected-only", "DBT_CACHE_SELECTED_ONLY"),
        new("record_timing_info", ["--record-timing-info", "-r"], OptionKind.Value),
        new("single_threaded", ["--single-threaded"], OptionKind.Flag, "--no-single-threaded"),
        new("show_all_deprecations", ["--show-all-deprecations"], OptionKind.Flag, "--no-show-all-deprecations"),
        new("use_fast_test_edges", ["--use-fast-test-edges"], OptionKind.Flag, "--no-use-fast-test-edges"),
        // selection
        new("select", ["--select", "-s", "--models", "-m", "--model"], OptionKind.Multi, Commands: Selecting),
        new("exclude", ["--exclude"], OptionKind.Multi, Commands: Selecting),
        new("selector", ["--selector"], OptionKind.Value, Commands: Selecting),
        new("resource_type", ["--resource-type", "--resource-types"], OptionKind.Multi, Commands: ["build", "test", "list", "ls", "clone"],
            Choices: ["metric", "semantic_model", "saved_query", "source", "analysis", "model", "test", "unit_test", "exposure", "snapshot", "seed", "default", "all", "function"]),
        new("exclude_resource_type", ["--exclude-resource-type", "--exclude-resource-types"], OptionKind.Multi, Commands: ["build", "test", "list", "ls", "clone"],
            Choices: ["metric", "semantic_model", "saved_query", "source", "analysis", "model", "test", "unit_test", "exposure", "snapshot", "seed", "default", "function"]),
        // per-command
        new("full_refresh", ["--full-refresh", "-f"], OptionKind.Flag, EnvVar: "DBT_FULL_REFRESH", Commands: ["build", "run", "seed", "compile", "clone", "retry"]),
        new("empty", ["--empty"], OptionKind.Flag, "--no-empty", Commands: ["build", "run", "snapshot", "compile"]),
        new("event_time_start", ["--event-time-start"], OptionKind.Value, Commands: ["build", "run"]),
        new("event_time_end", ["--event-time-end"], OptionKind.Value, Commands: ["build", "run"]),
        new("sample", ["--sample"], OptionKind.Value, Commands: ["build", "run"]),
        new("show", ["--show"], OptionKind.Flag, Commands: ["build", "seed"]),
        new("store_failures", ["--store-failures"], OptionKind.Flag, Commands: ["build", "test"]),
        new("export_saved_queries", ["--export-saved-queries"], OptionKind.Flag, "--no-export-saved-queries", Commands: ["build"]),
        new("inline", ["--inline"], OptionKind.Value, Commands: ["compile", "show"]),
        new("inline_direct", ["--inline-direct"], OptionKind.Value, Commands: ["show"]),
        new("limit", ["--limit"], OptionKind.Value, IsInt: true, Commands: ["show"]),
        new("output", ["--output"], OptionKind.Value, Choices: ["text", "json"], Commands: ["compile", "show"]),
        new("output", ["--output"], OptionKind.Value, Choices: ["selector", "name", "path", "json"], Commands: ["list", "ls"]),
        new("output", ["--output", "-o"], OptionKind.Value, Commands: ["source freshness"]),
        new("output_keys", ["--output-keys"], OptionKind.Multi, Commands: ["list", "ls"]),
        new("introspect", ["--introspect"], OptionKind.Flag, "--no-introspect", Commands: ["compile"]),
        new("inject_ephemeral_ctes", ["--inject-ephemeral-ctes"], OptionKind.Flag, "--no-inject-ephemeral-ctes", Commands: ["compile"]),
        new("args", ["--args"], OptionKind.Value, Commands: ["run-operation"]),
        new("compile", ["--compile"], OptionKind.Flag, "--no-compile", Commands: ["docs generate"]),
        new("empty_catalog", ["--empty-catalog"], OptionKind.Flag, Commands: ["docs generate"]),
        new("static", ["--static"], OptionKind.Flag, Commands: ["docs generate"]),
        new("port", ["--port"], OptionKind.Value, IsInt: true, Commands: ["docs serve", "serve"]),
        new("host", ["--host"], OptionKind.Value, Commands: ["docs serve", "serve"]),
        // slipway serve (the deployment service)
        new("data_dir", ["--data-dir"], OptionKind.Value, EnvVar: "SLIPWAY_DATA_DIR", Commands: ["serve", "worker"]),
        new("urls", ["--urls"], OptionKind.Value, EnvVar: "SLIPWAY_URLS", Commands: ["serve"]),
        new("database", ["--database"], OptionKind.Value, EnvVar: "SLIPWAY_DATABASE", Commands: ["serve", "worker"]),
        new("admin_password", ["--admin-password"], OptionKind.Value, EnvVar: "SLIPWAY_ADMIN_PASSWORD", Commands: ["serve"]),
        new("demo", ["--demo"], OptionKind.Flag, Commands: ["serve"]),
        new("browser", ["--browser"], OptionKind.Flag, "--no-browser", Commands: ["docs serve"]),
        new("add_package", ["--add-package"], OptionKind.Value, Commands: ["deps"]),
        new("upgrade", ["--upgrade"], OptionKind.Flag, Commands: ["deps"]),
        new("lock", ["--lock"], OptionKind.Flag, Commands: ["deps"]),
        new("source", ["--source"], OptionKind.Value, Choices: ["hub", "git", "local"], Commands: ["deps"]),
        new("dry_run", ["--dry-run"], OptionKind.Flag, Commands: ["deps"]),
        new("connection", ["--connection"], OptionKind.Flag, Commands: ["debug"]),
        new("config_dir", ["--config-dir"], OptionKind.Flag, Commands: ["debug"]),
        new("clean_project_files_only", ["--clean-project-files-only"], OptionKind.Flag, "--no-clean-project-files-only", Commands: ["clean"]),
    ];

    /// <summary>Commands that take one positional argument (<c>run-operation my_macro</c>).</summary>
    public static readonly Dictionary<string, string> Positional = new() { ["run-operation"] = "MACRO" };
}
