namespace Slipway.Jinja.Values;

// str.format: replacement fields with positional, keyword, index and attribute lookups and format specs.
public static partial class Py
{
    internal static string StrFormat(string format, Arguments arguments) => throw new NotImplementedException("str.format");
}
