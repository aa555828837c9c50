using Slipway.Cli.CommandLine;
using Slipway.Engine.Project;

namespace Slipway.Cli.Tests.CommandLine;

public class CommandLineParserTests
{
    private static Invocation Parse(params string[] args) => Parse(new Dictionary<string, string>(), args);

    private static Invocation Parse(Dictionary<string, string> env, params string[] args) =>
        CommandLineParser.Parse(args, n => env.TryGetValue(n, out var v) ? v : null).Invocation!;

    private static UsageException Fails(params string[] args) =>
        Assert.Throws<UsageException>(() => CommandLineParser.Parse(args, _ => null));

    [Fact]
    public void Selection_flags_take_several_words_and_accumulate()
    {
        var inv = Parse("run", "-s", "stg_orders", "tag:nightly+", "--exclude", "fct_orders", "--select", "dim_customers", "-t", "ci");

        Assert.Equal("run", inv.Command);
        Assert.Equal(["stg_orders", "tag:nightly+", "dim_customers"], inv.Select);
        Assert.Equal(["fct_orders"], inv.Exclude);
        Assert.Equal("ci", inv.Target);
    }

    [Fact]
    public void Models_and_m_are_spellings_of_select()
    {
        Assert.Equal(["a", "b"], Parse("test", "--models", "a", "-m", "b").Select);
    }

    [Fact]
    public void Equals_form_and_value_flags()
    {
        var inv = Parse("build", "--select=stg_orders", "--threads=8", "--full-refresh", "--project-dir", "/p", "-x");

        Assert.Equal(["stg_orders"], inv.Select);
        Assert.Equal(8, inv.Threads);
        Assert.True(inv.FullRefresh);
        Assert.True(inv.FailFast);
        Assert.Equal("/p", inv.ProjectDir);
    }

    [Fact]
    public void Global_flags_may_come_before_the_command_and_a_leading_dbt_is_ignored()
    {
        var inv = Parse("dbt", "--debug", "--log-format", "json", "seed", "--full-refresh");

        Assert.Equal("seed", inv.Command);
        Assert.True(inv.Debug);
        Assert.Equal("json", inv.LogFormat);
        Assert.True(inv.FullRefresh);
        Assert.Equal(["--debug", "--log-format", "json", "seed", "--full-refresh"], inv.RawArgs);
    }

    [Fact]
    public void Negative_spellings_set_false()
    {
        var inv = Parse("parse", "--no-partial-parse", "--no-write-json");

        Assert.Equal(false, inv.Flags["partial_parse"]);
        Assert.Equal(false, inv.ToJinjaFlags()["WRITE_JSON"]);
        Assert.Equal(true, Parse("parse").ToJinjaFlags()["PARTIAL_PARSE"]);
    }

    [Fact]
    public void Sub_commands_and_their_own_flags()
    {
        var docs = Parse("docs", "generate", "--no-compile", "--empty-catalog");
        var fresh = Parse("source", "freshness", "-o", "out/sources.json", "-s", "source:harbor_raw");
        var ls = Parse("ls", "--output", "json", "--output-keys", "name", "resource_type", "--resource-type", "model");
        var op = Parse("run-operation", "grant_select", "--args", "{role: reporter}");

        Assert.Equal(("docs generate", "generate", false), (docs.Command, docs.Which, docs.Compile));
        Assert.Equal(("source freshness", "freshness", "out/sources.json"), (fresh.Command, fresh.Which, fresh.Output));
        Assert.Equal(("list", "json"), (ls.Which, ls.Output));
        Assert.Equal(["name", "resource_type"], ls.OutputKeys);
        Assert.Equal(["model"], ls.ResourceTypes);
        Assert.Equal(["grant_select"], op.Arguments);
        Assert.Equal("{role: reporter}", op.GetString("args"));
    }

    [Fact]
    public void Dbt_environment_variables_are_defaults_that_flags_override()
    {
        var env = new Dictionary<string, string>
        {
            ["DBT_TARGET"] = "ci", ["DBT_PROJECT_DIR"] = "/env/project", ["DBT_FAIL_FAST"] = "true", ["DBT_LOG_FORMAT"] = "json",
        };

        var fromEnv = Parse(env, "run");
        var fromFlag = Parse(env, "run", "--target", "dev", "--no-fail-fast");

        Assert.Equal(("ci", "/env/project", true, "json"), (fromEnv.Target, fromEnv.ProjectDir, fromEnv.FailFast, fromEnv.LogFormat));
        Assert.Equal(("dev", false), (fromFlag.Target, fromFlag.FailFast));
    }

    [Fact]
    public void Flags_and_invocation_args_dict_for_jinja()
    {
        var inv = Parse("run", "--full-refresh", "-s", "a", "--vars", "{days: 3}");

        var flags = inv.ToJinjaFlags();
        var args = inv.ToInvocationArgsDict();

        Assert.Equal(true, flags["FULL_REFRESH"]);
        Assert.Equal("run", flags["WHICH"]);
        Assert.Equal(false, flags["EMPTY"]);
        Assert.Equal(["a"], (List<object?>)flags["SELECT"]!);
        Assert.Equal("run", args["which"]);
        Assert.Equal(3L, ((IReadOnlyDictionary<string, object?>)args["vars"]!)["days"]);
        Assert.Equal("dbt run --full-refresh -s a --vars {days: 3}", args["invocation_command"]);
    }

    [Fact]
    public void An_invocation_cannot_be_changed_through_the_parsers_collections()
    {
        var inv = Parse("run", "-s", "a");
        Assert.IsType<string[]>(inv.Flags["select"]);
    }

    [Fact]
    public void Unknown_option_is_clicks_error()
    {
        var e = Fails("run", "--foo");
        Assert.Equal("No such option: --foo", e.Message);
        Assert.Equal("Usage: slipway run [OPTIONS]\nTry 'slipway run -h' for help.\n\nError: No such option: --foo", e.Render());
    }

    [Fact]
    public void A_near_miss_gets_a_suggestion()
    {
        Assert.Equal("No such option: --ful-refresh Did you mean --full-refresh?", Fails("run", "--ful-refresh").Message);
    }

    [Fact]
    public void A_flag_of_another_command_is_unknown_here()
    {
        Assert.Equal("No such option: --full-refresh", Fails("test", "--full-refresh").Message);
        Assert.Equal("No such option: --select", Fails("debug", "--select", "x").Message);
    }

    [Fact]
    public void Unknown_commands_bad_choices_and_bad_numbers()
    {
        Assert.Equal("No such command 'runn'.", Fails("runn").Message);
        Assert.Equal("No such command 'serve'.", Fails("source", "serve").Message);
        Assert.Equal("Invalid value for '--log-format': 'xml' is not one of 'text', 'debug', 'json', 'default'.", Fails("run", "--log-format", "xml").Message);
        Assert.Equal("Invalid value for '--threads': 'many' is not a valid integer.", Fails("run", "--threads", "many").Message);
        Assert.Equal("Option '--target' requires an argument.", Fails("run", "--target").Message);
        Assert.Equal("Got unexpected extra argument (extra)", Fails("run", "extra").Message);
        Assert.Equal("Missing argument 'MACRO'.", Fails("run-operation").Message);
    }

    [Fact]
    public void Vars_that_are_not_a_mapping_are_a_usage_error()
    {
        Assert.Equal("Invalid value for '--vars': The --vars argument must be a YAML dictionary, but was of type 'str'.",
            Fails("run", "--vars", "just text").Message);
        Assert.StartsWith("Invalid value for '--vars': --vars:1:", Fails("run", "--vars", "{a: [1}").Message);
    }

    [Fact]
    public void Version_and_help()
    {
        Assert.True(CommandLineParser.Parse(["--version"], _ => null).ShowVersion);
        Assert.True(CommandLineParser.Parse([], _ => null).ShowHelp);
        var help = CommandLineParser.Parse(["run", "-h"], _ => null);
        Assert.Equal((true, "run"), (help.ShowHelp, help.HelpCommand));
    }
}
