using Slipway.Jinja.Syntax.Ast;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Runtime;

/// <summary>
/// Jinja2's <c>loop</c> object, lazy as Jinja2's is: it also drives the iteration. Items (after the loop's
/// <c>if</c> filter) are fetched one at a time; <c>last</c>/<c>nextitem</c> peek one ahead and <c>length</c>
/// reads the rest only when asked, so side effects happen in Jinja2's order. Calling it (recursive loops)
/// renders the loop body over another iterable.
/// </summary>
internal sealed class LoopContext : IJinjaObject, IJinjaCallable
{
    private static readonly object True = true;
    private static readonly object False = false;

    private readonly Interpreter _interpreter;
    private readonly ForStmt _loop;
    private readonly Frame _outer;
    private readonly int _depth0;
    private Func<object?, bool>? _filter;
    /// <summary>A list is walked by index, so items appended by the body are seen, as with Python's list iterator.</summary>
    private IList<object?>? _list;
    private int _listPosition;
    private IEnumerator<object?>? _enumerator;
    private object? _after;
    private bool _hasAfter;
    private object? _before;
    private object? _current;
    private long? _length;
    private object?[]? _lastChanged;
    private JinjaFunction? _cycle;
    private JinjaFunction? _changed;

    public LoopContext(Interpreter interpreter, ForStmt loop, Frame outer, object? iterable, Func<object?, bool>? filter, int depth0)
    {
        _interpreter = interpreter;
        _loop = loop;
        _outer = outer;
        _depth0 = depth0;
        _filter = filter;
        if (iterable is List<object?> list) _list = list;
        else _enumerator = Py.Iterate(iterable).GetEnumerator();
    }

    public int Index0 { get; private set; } = -1;

    /// <summary>Advances to the next item (Jinja2's LoopContext.__next__).</summary>
    public bool MoveNext(out object? item)
    {
        if (_hasAfter)
        {
            item = _after;
            _hasAfter = false;
            _after = null;
        }
        else if (!Fetch(out item))
        {
            return false;
        }
        Index0++;
        _before = _current;
        _current = item;
        return true;
    }

    private bool Fetch(out object? item)
    {
        while (true)
        {
            if (_list is not null)
            {
                if (_listPosition >= _list.Count)
                {
                    item = null;
                    return false;
                }
                item = Py.FromHost(_list[_listPosition++]);
            }
            else if (_enumerator!.MoveNext())
            {
                item = _enumerator.Current;
            }
            else
            {
                item = null;
                return false;
            }
            if (_filter is null || _filter(item)) return true;
        }
    }

    private bool PeekNext(out object? item)
    {
        if (!_hasAfter && Fetch(out _after)) _hasAfter = true;
        item = _after;
        return _hasAfter;
    }

    /// <summary>len() of an unfiltered list, else the rest is read now (Jinja2 does the same).</summary>
    private long Length
    {
        get
        {
            if (_length is { } known) return known;
            if (_filter is null && _list is not null)
            {
                _length = _list.Count;
                return _list.Count;
            }
            var rest = new List<object?>();
            while (Fetch(out var item)) rest.Add(item);
            _enumerator = null;
            _list = rest;
            _listPosition = 0;
            _filter = null; // the rest is already filtered
            _length = rest.Count + Index0 + 1 + (_hasAfter ? 1 : 0);
            return _length.Value;
        }
    }

    public bool TryGetAttribute(string name, out object? value)
    {
        switch (name)
        {
            case "index0": value = Boxes.Int(Index0); return true;
            case "index": value = Boxes.Int(Index0 + 1L); return true;
            case "revindex": value = Boxes.Int(Length - Index0); return true;
            case "revindex0": value = Boxes.Int(Length - Index0 - 1); return true;
            case "first": value = Index0 == 0 ? True : False; return true;
            case "last": value = PeekNext(out _) ? False : True; return true;
            case "length": value = Boxes.Int(Length); return true;
            case "depth0": value = Boxes.Int(_depth0); return true;
            case "depth": value = Boxes.Int(_depth0 + 1L); return true;
            case "previtem":
                value = Index0 > 0 ? _before : _interpreter.MakeUndefined(null, "there is no previous item");
                return true;
            case "nextitem":
                value = PeekNext(out var next) ? next : _interpreter.MakeUndefined(null, "there is no next item");
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
        if (!_loop.Recursive)
            throw new JinjaRuntimeException("The loop must have the 'recursive' marker to be called recursively.", "TypeError");
        if (arguments.Positional.Count != 1)
            throw new JinjaRuntimeException($"loop() takes 1 positional argument but {arguments.Positional.Count} were given", "TypeError");
        return _interpreter.RenderLoopRecursion(_loop, _outer, arguments.Positional[0], _depth0 + 1);
    }

    public override string ToString() => $"<LoopContext {Index0 + 1}/{Length}>";
}
