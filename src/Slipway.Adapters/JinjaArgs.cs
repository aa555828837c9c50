using Slipway.Jinja;
using Slipway.Jinja.Values;

namespace Slipway.Adapters;

// Reads template arguments with the loose types Python code accepts (None, str or Markup, bool, int).
internal static class JinjaArgs
{
    public static string? String(Arguments args, int index, string name)
    {
        var v = args.Get(index, name);
        return v switch
        {
            null or Undefined => null,
            string s => s,
            Markup m => m.Value,
            _ => v.ToString(),
        };
    }

    public static bool? Bool(Arguments args, int index, string name)
    {
        var v = args.Get(index, name);
        return v switch
        {
            null or Undefined => null,
            bool b => b,
            _ => Py.IsTruthy(v),
        };
    }

    public static long? Long(Arguments args, int index, string name)
    {
        var v = args.Get(index, name);
        return v switch
        {
            null or Undefined => null,
            long l => l,
            int i => i,
            double d => (long)d,
            _ => throw new ArgumentException($"argument '{name}' must be an integer"),
        };
    }

    public static JinjaFunction Method(string name, Func<Arguments, object?> body) => new(name, body);
}
