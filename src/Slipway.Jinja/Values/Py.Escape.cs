using System.Text;

namespace Slipway.Jinja.Values;

// HTML escaping as markupsafe does it, and how Markup combines with plain strings.
public static partial class Py
{
    /// <summary>markupsafe.escape of text: &amp; &lt; &gt; " ' become entities.</summary>
    public static string Escape(string s)
    {
        if (s.AsSpan().IndexOfAny("&<>\"'") < 0) return s;
        var sb = new StringBuilder(s.Length + 16);
        foreach (var c in s)
        {
            switch (c)
            {
                case '&': sb.Append("&amp;"); break;
                case '<': sb.Append("&lt;"); break;
                case '>': sb.Append("&gt;"); break;
                case '"': sb.Append("&#34;"); break;
                case '\'': sb.Append("&#39;"); break;
                default: sb.Append(c); break;
            }
        }
        return sb.ToString();
    }

    /// <summary>markupsafe.escape of any value: Markup passes through, everything else is str()-ed then escaped.</summary>
    public static Markup EscapeValue(object? value) => value is Markup m ? m : new Markup(Escape(ToStr(value)));

    /// <summary>The text a value contributes to a Markup: as is when already Markup, escaped otherwise.</summary>
    internal static string EscapeText(object? value) => value is Markup m ? m.Value : Escape(ToStr(value));

    // Markup % args escapes every argument first (markupsafe's _MarkupEscapeHelper).
    internal static object? EscapeArg(object? value) => value switch
    {
        string s => new Markup(Escape(s)),
        null or bool or long or double or Markup => value,
        _ => new Markup(Escape(ToStr(value))),
    };
}
