using Slipway.Jinja.Syntax.Ast;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Runtime;

/// <summary>Jinja2's <c>loop</c> object; calling it (recursive loops) renders the loop body over another iterable.</summary>
internal sealed class LoopContext(Interpreter interpreter, ForStmt loop, Frame outer, IList<object?> items, int depth0)
    : IJinjaObject, IJinjaCallable
{
    private static readonly object True = true;
    private static readonly object False = false;
    public int Index0;
    private object?[]? _lastChanged;
    private JinjaFunction? _cycle;
    private JinjaFunction? _changed;
    public int Length => items.Count;

    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "index0": value = Boxes.Int(Index0); return true;
            case "index": value = Boxes.Int(Index0 + 1L); return true;
            case "revindex": value = Boxes.Int(Length - Index0); return true;
            case "revindex0": value = Boxes.Int(Length - Index0 - 1); return true;
            case "first": value = Index0 == 0 ? True : False; return true;
            case "last": value = Index0 == Length - 1 ? True : False; return true;
            case "length": value = Boxes.Int(Length); return true;
            case "depth0": value = (long)depth0; return true;
            case "depth": value = (long)depth0 + 1; return true;
            case "previtem":
                value = Index0 > 0 ? Py.FromHost(items[Index0 - 1]) : interpreter.MakeUndefined(null, "there is no previous item");
                return true;
            case "nextitem":
                value = Index0 + 1 < Length ? Py.FromHost(items[Index0 + 1]) : interpreter.MakeUndefined(null, "there is no next item");
                return true;
            case "cycle": value = _cycle ??= new JinjaFunction("cycle", Cycle); return true;
            case "changed": value = _changed ??= new JinjaFunction("changed", Changed); return true;
            default: value = null; return false;
        }
    }

    private object? Cycle(Arguments args)
    {
        if (args.Positional.Count == 0) throw new JinjaRuntimeException("no items for cycling given", "TypeError");
        return args.Positional[Index0 % args.Positional.Count];
    }

    private object? Changed(Arguments args)
    {
        var current = args.Positional.ToArray();
        if (_lastChanged is not null && _lastChanged.Length == current.Length)
        {
            var same = true;
            for (var i = 0; i < current.Length && same; i++) same = Py.Equal(_lastChanged[i], current[i]);
            if (same) return false;
        }
        _lastChanged = current;
        return true;
    }

    /// <summary><c>loop(children)</c> in a recursive loop.</summary>
    public object? Call(Arguments arguments)
    {
        if (!loop.Recursive)
            throw new JinjaRuntimeException("The loop must have the 'recursive' marker to be called recursively.", "TypeError");
        if (arguments.Positional.Count != 1)
            throw new JinjaRuntimeException($"loop() takes 1 positional argument but {arguments.Positional.Count} were given", "TypeError");
        return interpreter.RenderLoopRecursion(loop, outer, arguments.Positional[0], depth0 + 1);
    }

    public override string ToString() => $"<LoopContext {Index0 + 1}/{Length}>";
}
