namespace Slipway.Cli.CommandLine;

/// <summary>The <c>-h</c> text: commands, or one command's options.</summary>
internal static class Help
{
    public static string Text(string? command)
    {
        if (command is null)
            return "Usage: slipway [OPTIONS] COMMAND [ARGS]...\n\n  A dbt-compatible engine. Commands are dbt's.\n\nCommands:\n"
                + string.Join("\n", CliGrammar.Commands.Select(c => "  " + c));
        var options = CliGrammar.Options.Where(o => o.AppliesTo(command))
            .Select(o => "  " + string.Join(", ", o.Spellings) + (o.Negative is null ? "" : " / " + o.Negative)
                + (o.Kind == OptionKind.Flag ? "" : o.Choices is null ? " TEXT" : $" [{string.Join("|", o.Choices)}]"));
        return $"Usage: slipway {command} [OPTIONS]\n\nOptions:\n" + string.Join("\n", options.Distinct());
    }
}
