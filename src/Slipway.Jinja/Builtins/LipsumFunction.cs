using System.Text;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Builtins;

/// <summary>
/// <c>lipsum(n=5, html=True, min=20, max=100)</c>: paragraphs of placeholder Latin, shaped as Jinja2 shapes them
/// (capitalised sentences, commas and full stops at random intervals). The words differ from Python's because
/// the random source differs; seed it with <see cref="Builtins.SeedRandom"/> for repeatable output.
/// </summary>
internal sealed class LipsumFunction : IJinjaCallable, IPyObject
{
    private static readonly string[] Words =
        ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore et dolore " +
         "magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex ea commodo " +
         "consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur excepteur sint " +
         "occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est laborum").Split(' ');

    private Random? _random;

    /// <summary>The environment's random source, set when lipsum is bound to an environment.</summary>
    internal Random Random
    {
        get => _random ??= new Random();
        set => _random = value;
    }

    public object? Call(Arguments a)
    {
        // Renders of one environment may run in parallel; Random is not thread-safe.
        lock (Random) return Generate(a);
    }

    private object? Generate(Arguments a)
    {
        var n = Builtins.Int(a, 0, "n", 5);
        var html = Builtins.Bool(a, 1, "html", true);
        var min = Builtins.Int(a, 2, "min", 20);
        var max = Builtins.Int(a, 3, "max", 100);
        var random = Random;
        var paragraphs = new List<string>();
        for (var i = 0; i < n; i++)
        {
            var nextCapitalized = true;
            int lastComma = 0, lastFullStop = 0;
            string? last = null;
            var words = new List<string>();
            var count = random.NextInt64(min, max);
            for (var idx = 0; idx < count; idx++)
            {
                string word;
                do word = Words[random.Next(Words.Length)]; while (word == last);
                last = word;
                if (nextCapitalized)
                {
                    word = Py.Capitalize(word);
                    nextCapitalized = false;
                }
                if (idx - random.Next(3, 8) > lastComma)
                {
                    lastComma = idx;
                    lastFullStop += 2;
                    word += ",";
                }
                if (idx - random.Next(10, 20) > lastFullStop)
                {
                    lastComma = lastFullStop = idx;
                    word += ".";
                    nextCapitalized = true;
                }
                words.Add(word);
            }
            var text = string.Join(' ', words);
            if (text.EndsWith(',')) text = text[..^1] + ".";
            else if (!text.EndsWith('.')) text += ".";
            paragraphs.Add(text);
        }
        if (!html) return string.Join("\n\n", paragraphs);
        var sb = new StringBuilder();
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i > 0) sb.Append('\n');
            sb.Append("<p>").Append(Py.Escape(paragraphs[i])).Append("</p>");
        }
        return new Markup(sb.ToString());
    }

    public string PyTypeName => "function";
    public string PyRepr() => "<function generate_lorem_ipsum>";
}
