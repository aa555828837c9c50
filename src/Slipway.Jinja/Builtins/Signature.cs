namespace Slipway.Jinja.Builtins;

internal enum SignatureStyle
{
    /// <summary>A Python function: Python's messages for too many, missing, unexpected or repeated arguments.</summary>
    Python,
    /// <summary>A one-argument C builtin (abs, len, callable): "takes exactly one argument (2 given)".</summary>
    Builtin,
    /// <summary>A function of the operator module (eq, lt, …): "eq expected 2 arguments, got 3".</summary>
    Operator,
}

/// <summary>
/// The Python signature of a built-in filter or test. <see cref="Parameters"/> starts with the value the filter
/// is applied to; <see cref="PassedArguments"/> counts the environment/context Jinja2 passes before it, which
/// Python includes in its argument counts.
/// </summary>
internal sealed record Signature(string FunctionName, SignatureStyle Style, int PassedArguments, string[] Parameters, int Required)
{
    /// <summary>Throw Python's TypeError when a call from a template does not fit the signature.</summary>
    public void Check(Arguments arguments)
    {
        var positional = 1 + arguments.Positional.Count;
        switch (Style)
        {
            case SignatureStyle.Builtin:
                if (arguments.Keyword.Count > 0) throw TypeError($"{FunctionName}() takes no keyword arguments");
                if (positional != 1) throw TypeError($"{FunctionName}() takes exactly one argument ({positional} given)");
                return;
            case SignatureStyle.Operator:
                if (arguments.Keyword.Count > 0) throw TypeError($"_operator.{FunctionName}() takes no keyword arguments");
                if (positional != 2) throw TypeError($"{FunctionName} expected 2 arguments, got {positional}");
                return;
        }
        foreach (var name in arguments.Keyword.Keys)
        {
            var index = Array.IndexOf(Parameters, name);
            if (index < 0) throw TypeError($"{FunctionName}() got an unexpected keyword argument '{name}'");
            if (index < positional) throw TypeError($"{FunctionName}() got multiple values for argument '{name}'");
        }
        if (positional > Parameters.Length)
        {
            int most = Parameters.Length + PassedArguments, least = Required + PassedArguments, given = positional + PassedArguments;
            var takes = least == most ? $"{most} positional argument{(most == 1 ? "" : "s")}" : $"from {least} to {most} positional arguments";
            throw TypeError($"{FunctionName}() takes {takes} but {given} {(given == 1 ? "was" : "were")} given");
        }
        var missing = new List<string>();
        for (var i = positional; i < Required; i++)
            if (!arguments.Keyword.ContainsKey(Parameters[i])) missing.Add($"'{Parameters[i]}'");
        if (missing.Count > 0)
        {
            var names = missing.Count switch
            {
                1 => missing[0],
                2 => $"{missing[0]} and {missing[1]}",
                _ => string.Join(", ", missing.Take(missing.Count - 1)) + ", and " + missing[^1],
            };
            throw TypeError($"{FunctionName}() missing {missing.Count} required positional argument{(missing.Count == 1 ? "" : "s")}: {names}");
        }
    }

    private static JinjaRuntimeException TypeError(string message) => new(message, "TypeError");
}
