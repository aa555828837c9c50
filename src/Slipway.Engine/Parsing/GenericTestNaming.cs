using System.Collections;
using System.Text;
using System.Text.RegularExpressions;

namespace Slipway.Engine.Parsing;

/// <summary>
/// Names and ids of generic test nodes exactly as dbt derives them, so unique ids (and therefore
/// <c>--select</c>, state comparison and stored failures) match a dbt-built manifest.
/// </summary>
internal static partial class GenericTestNaming
{
    [GeneratedRegex("[^0-9a-zA-Z_]+")]
    private static partial Regex Unsafe();

    /// <summary>
    /// dbt's synthesized names: <c>&lt;type&gt;_&lt;target&gt;_&lt;args…&gt;</c> with args sorted by key (skipping
    /// <c>model</c>), dict args contributing their values, list args each item, joined with <c>__</c>.
    /// Returns the short name (alias and compiled file name; hashed when the full name is 64+ characters)
    /// and the full name (node name, fqn and unique id).
    /// </summary>
    public static (string ShortName, string FullName) Synthesize(string testType, string targetName, IDictionary<string, object?> args)
    {
        var flat = new List<string>();
        foreach (var key in args.Keys.Order(StringComparer.Ordinal))
        {
            if (key == "model") continue;
            var value = args[key];
            switch (value)
            {
                case IDictionary<string, object?> dict: flat.AddRange(dict.Values.Select(PythonText.Str)); break;
                case string s: flat.Add(s); break;
                case IEnumerable list: flat.AddRange(list.Cast<object?>().Select(PythonText.Str)); break;
                default: flat.Add(PythonText.Str(value)); break;
            }
        }
        var unique = string.Join("__", flat.Select(a => Unsafe().Replace(a, "_")));
        var identifier = $"{testType}_{targetName}";
        var full = $"{identifier}_{unique}";
        if (full.Length < 64) return (full, full);
        return ($"{identifier[..Math.Min(30, identifier.Length)]}_{PythonText.Md5Hex(full)}", full);
    }

    /// <summary>
    /// The last ten hex digits of md5(name + repr(metadata with keys sorted and leaves as str())).
    /// The metadata dict is <c>{namespace, name, kwargs}</c>; sorted, it is <c>kwargs, name, namespace</c>.
    /// </summary>
    public static string Hash(string name, string testName, string? testNamespace, IDictionary<string, object?> kwargs)
    {
        var sb = new StringBuilder(name);
        sb.Append("{'kwargs': ");
        AppendHashable(sb, kwargs);
        sb.Append(", 'name': ");
        sb.Append(PythonText.Repr(testName));
        sb.Append(", 'namespace': ");
        sb.Append(PythonText.Repr(testNamespace ?? "None"));
        sb.Append('}');
        return PythonText.Md5Hex(sb.ToString())[^10..];
    }

    private static void AppendHashable(StringBuilder sb, object? value)
    {
        switch (value)
        {
            case IDictionary<string, object?> dict:
                sb.Append('{');
                var first = true;
                foreach (var key in dict.Keys.Order(StringComparer.Ordinal))
                {
                    if (!first) sb.Append(", ");
                    first = false;
                    sb.Append(PythonText.Repr(key));
                    sb.Append(": ");
                    AppendHashable(sb, dict[key]);
                }
                sb.Append('}');
                break;
            case string s: sb.Append(PythonText.Repr(s)); break;
            case IEnumerable list:
                sb.Append('[');
                var firstItem = true;
                foreach (var item in list)
                {
                    if (!firstItem) sb.Append(", ");
                    firstItem = false;
                    AppendHashable(sb, item);
                }
                sb.Append(']');
                break;
            default: sb.Append(PythonText.Repr(PythonText.Str(value))); break;
        }
    }
}
