using System.Text;

namespace Slipway.Deploy.Jobs;

/// <summary>
/// A job step is one command line: optional <c>dbt</c> or <c>slipway</c>, then the command and its flags. This splits
/// it into words (POSIX-shell quoting) and checks it with the CLI's parser when the host supplied one.
/// </summary>
internal static class JobCommands
{
    /// <summary>Commands that make no sense as a job step (they serve, or ask questions).</summary>
    private static readonly string[] NotAStep = ["serve", "worker", "init", "docs serve"];

    private static readonly string[] Known =
    [
        "build", "clean", "clone", "compile", "debug", "deps", "docs generate", "list", "ls", "parse", "retry", "run",
        "run-operation", "seed", "show", "snapshot", "source freshness", "test",
    ];

    /// <summary>Null when the step is a valid command, else why not.</summary>
    public static string? Check(string step, Func<IReadOnlyList<string>, string?>? parser)
    {
        if (Split(step) is not { } words) return $"The command '{step}' has an unclosed quote.";
        if (words.Count > 0 && words[0] is "dbt" or "slipway") words.RemoveAt(0);
        if (words.Count == 0) return "A job command cannot be empty.";
        var command = words.Count > 1 && words[0] is "docs" or "source" ? $"{words[0]} {words[1]}" : words[0];
        if (NotAStep.Contains(command)) return $"'{command}' cannot be a job step; use a command such as run, build, test or seed.";
        if (parser is not null)
            return parser(words) is { } error ? $"The command '{step}' is not valid: {error}" : null;
        return Known.Contains(command) ? null : $"The command '{step}' is not valid: unknown command '{command}'.";
    }

    /// <summary>The words of a command line, or null when a quote is not closed.</summary>
    public static List<string>? Split(string line)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        var inWord = false;
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is { } q)
            {
                if (c == q) quote = null;
                else if (c == '\\' && q == '"' && i + 1 < line.Length && line[i + 1] is '"' or '\\') current.Append(line[++i]);
                else current.Append(c);
            }
            else if (c is '"' or '\'') { quote = c; inWord = true; }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord) { words.Add(current.ToString()); current.Clear(); inWord = false; }
            }
            else if (c == '\\' && i + 1 < line.Length) { current.Append(line[++i]); inWord = true; }
            else { current.Append(c); inWord = true; }
        }
        if (quote is not null) return null;
        if (inWord) words.Add(current.ToString());
        return words;
    }
}
