using System.Text;
using Slipway.Jinja.Values;

namespace Slipway.Engine.Parsing;

/// <summary>
/// Python's <c>str()</c> and <c>repr()</c> of plain YAML values, because dbt builds test names and test
/// unique-id hashes from exactly that text; a difference of one quote changes the id.
/// </summary>
internal static class PythonText
{
    // One definition of Python's text for values: Slipway.Jinja's Py, checked against CPython in its tests.
    public static string Str(object? value) => value is string s ? s : Repr(value);

    public static string Repr(object? value) => Py.Repr(Py.FromHost(value));

    public static string FloatRepr(double d) => Py.FloatRepr(d);

    public static string Md5Hex(string text) =>
        Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(text)));
}
