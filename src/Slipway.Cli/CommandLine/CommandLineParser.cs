using System.Globalization;
using Slipway.Engine.Project;

namespace Slipway.Cli.CommandLine;

/// <summary>What the command line asked for: a command to run, the version, or help.</summary>
internal sealed record ParsedCommandLine(Invocation? Invocation, bool ShowVersion, bool ShowHelp, string? HelpCommand);

/// <summary>
/// Parses dbt's command grammar (click's, as dbt uses it): options before or after the command, <c>--opt value</c>
/// and <c>--opt=value</c>, negative spellings <c>--no-x</c>, multi-value <c>--select a b</c>, <c>DBT_*</c> variables
/// as defaults, and an optional leading <c>dbt</c> word (job commands written for dbt). Errors are
/// <see cref="UsageException"/> with click's wording.
/// </summary>
internal static class CommandLineParser
{
    public static ParsedCommandLine Parse(IReadOnlyList<string> args, Func<string, string?> getEnv)
    {
        var rawArgs = args.ToList();
        var i = 0;
        if (args.Count > 0 && args[0] == "dbt") i++;
        var flags = new Dictionary<string, object?>(StringComparer.Ordinal);
        var given = new HashSet<string>(StringComparer.Ordinal);
        string? command = null;
        var positional = new List<string>();

        while (i < args.Count)
        {
            var token = args[i];
            if (token is "-h" or "--help") return new ParsedCommandLine(null, false, true, command);
            if (token is "--version" or "-v" && command is null) return new ParsedCommandLine(null, true, false, null);
            if (token.StartsWith('-') && token.Length > 1)
            {
                i = ParseOption(args, i, command, flags, given);
                continue;
            }
            if (command is null)
            {
                command = ReadCommand(args, ref i);
                continue;
            }
            if (CliGrammar.Positional.ContainsKey(command) && positional.Count == 0) positional.Add(token);
            else throw new UsageException($"Got unexpected extra argument ({token})", command);
            i++;
        }
        if (command is null) return new ParsedCommandLine(null, false, true, null);
        if (CliGrammar.Positional.TryGetValue(command, out var name) && positional.Count == 0)
            throw new UsageException($"Missing argument '{name}'.", command);

        foreach (var spec in CliGrammar.Options)
        {
            if (given.Contains(spec.Name) || spec.EnvVar is null || !spec.AppliesTo(command)) continue;
            if (getEnv(spec.EnvVar) is not { Length: > 0 } env) continue;
            flags[spec.Name] = spec.Kind == OptionKind.Flag
                ? ParseEnvBool(env, spec, command)
                : Convert(spec, env, command, $"environment variable {spec.EnvVar}");
        }
        try
        {
            return new ParsedCommandLine(new Invocation(command, flags, positional, rawArgs.Skip(args.Count > 0 && args[0] == "dbt" ? 1 : 0).ToList()),
                false, false, null);
        }
        catch (ProjectException e)
        {
            throw new UsageException($"Invalid value for '--vars': {e.Message}", command);
        }
    }

    private static string ReadCommand(IReadOnlyList<string> args, ref int i)
    {
        var word = args[i++];
        if (CliGrammar.Groups.TryGetValue(word, out var subs))
        {
            if (i >= args.Count || args[i].StartsWith('-')) throw new UsageException("Missing command.", word);
            var sub = args[i++];
            if (!subs.Contains(sub)) throw new UsageException($"No such command '{sub}'.", word);
            return $"{word} {sub}";
        }
        if (word == "snapshot-freshness") return "source freshness";
        if (!CliGrammar.Commands.Contains(word)) throw new UsageException($"No such command '{word}'.", null);
        return word;
    }

    private static int ParseOption(IReadOnlyList<string> args, int i, string? command, Dictionary<string, object?> flags, HashSet<string> given)
    {
        var token = args[i];
        string? inline = null;
        var eq = token.IndexOf('=');
        if (token.StartsWith("--") && eq > 0) (token, inline) = (token[..eq], token[(eq + 1)..]);

        var candidates = CliGrammar.Options.Where(o => o.Spellings.Contains(token) || o.Negative == token).ToList();
        // Before the command only global options are accepted, as on dbt's top-level group.
        var spec = command is null
            ? candidates.FirstOrDefault(o => o.Commands is null)
            : candidates.FirstOrDefault(o => o.Commands is not null && o.AppliesTo(command)) ?? candidates.FirstOrDefault(o => o.Commands is null);
        if (spec is null) throw new UsageException($"No such option: {token}{Suggestion(token, command)}", command);
        given.Add(spec.Name);

        switch (spec.Kind)
        {
            case OptionKind.Flag:
                if (inline is not null) throw new UsageException($"Option '{token}' does not take a value.", command);
                flags[spec.Name] = token != spec.Negative;
                return i + 1;
            case OptionKind.Value:
                string value;
                if (inline is not null) value = inline;
                else if (i + 1 < args.Count) { value = args[i + 1]; i++; }
                else throw new UsageException($"Option '{token}' requires an argument.", command);
                flags[spec.Name] = Convert(spec, value, command, $"'{string.Join("' / '", spec.Spellings)}'");
                return i + 1;
            default:
                var list = flags.TryGetValue(spec.Name, out var existing) && existing is List<string> l ? l : [];
                if (inline is not null) list.Add(inline);
                var start = list.Count;
                while (inline is null && i + 1 < args.Count && !(args[i + 1].StartsWith('-') && args[i + 1].Length > 1)) list.Add(args[++i]);
                if (inline is null && list.Count == start) throw new UsageException($"Option '{token}' requires an argument.", command);
                if (spec.Choices is not null)
                    foreach (var v in list) CheckChoice(spec, v, command, $"'{string.Join("' / '", spec.Spellings)}'");
                flags[spec.Name] = list;
                return i + 1;
        }
    }

    private static object Convert(OptionSpec spec, string value, string? command, string what)
    {
        if (spec.IsInt)
            return long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)
                ? n : throw new UsageException($"Invalid value for {what}: '{value}' is not a valid integer.", command);
        CheckChoice(spec, value, command, what);
        return value;
    }

    private static void CheckChoice(OptionSpec spec, string value, string? command, string what)
    {
        if (spec.Choices is not null && !spec.Choices.Contains(value))
            throw new UsageException(
                $"Invalid value for {what}: '{value}' is not one of {string.Join(", ", spec.Choices.Select(c => $"'{c}'"))}.", command);
    }

    // click's BOOL type.
    private static bool ParseEnvBool(string value, OptionSpec spec, string command) => value.Trim().ToLowerInvariant() switch
    {
        "1" or "true" or "t" or "yes" or "y" or "on" => true,
        "0" or "false" or "f" or "no" or "n" or "off" => false,
        _ => throw new UsageException($"Invalid value for environment variable {spec.EnvVar}: '{value}' is not a valid boolean.", command),
    };

    private static string Suggestion(string token, string? command)
    {
        var names = CliGrammar.Options.Where(o => command is null ? o.Commands is null : o.AppliesTo(command))
            .SelectMany(o => o.Spellings.Concat(o.Negative is null ? [] : [o.Negative])).Where(s => s.StartsWith("--")).Distinct();
        var close = names.Where(n => Distance(n, token) <= 2).OrderBy(n => Distance(n, token)).Take(3).ToList();
        return close.Count switch
        {
            0 => "",
            1 => $" Did you mean {close[0]}?",
            _ => $" (Possible options: {string.Join(", ", close)})",
        };
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var x = 0; x <= a.Length; x++) d[x, 0] = x;
        for (var y = 0; y <= b.Length; y++) d[0, y] = y;
        for (var x = 1; x <= a.Length; x++)
            for (var y = 1; y <= b.Length; y++)
                d[x, y] = Math.Min(Math.Min(d[x - 1, y] + 1, d[x, y - 1] + 1), d[x - 1, y - 1] + (a[x - 1] == b[y - 1] ? 0 : 1));
        return d[a.Length, b.Length];
    }
}
