using Slipway.Jinja.Syntax.Ast;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Runtime;

// for loops: a fresh scope per iteration (Jinja2 semantics), the loop object only when the body names it.
internal sealed partial class Interpreter
{
    private Signal ExecFor(ForStmt s, Frame frame)
    {
        RunLoop(s, frame, Eval(s.Iter, frame), 0);
        return Signal.None;
    }

    internal object RenderLoopRecursion(ForStmt s, Frame outer, object? iterable, int depth0)
    {
        EnterCall();
        var saved = _out;
        _out = new System.Text.StringBuilder();
        try
        {
            RunLoop(s, outer, iterable, depth0);
            return Captured(_out.ToString());
        }
        finally
        {
            _out = saved;
            _depth--;
        }
    }

    private void RunLoop(ForStmt s, Frame outer, object? iterable, int depth0)
    {
        var loopFrame = new Frame(outer, outer.Context, outer.Template);
        IList<object?> items;
        if (s.Filter is not null)
        {
            var filtered = new List<object?>();
            foreach (var item in Py.Iterate(iterable))
            {
                loopFrame.Clear();
                Assign(s.Target, item, loopFrame);
                if (EvalBool(s.Filter, loopFrame)) filtered.Add(item);
            }
            items = filtered;
        }
        else
        {
            items = iterable as List<object?> ?? (iterable is Undefined && _chainable ? [] : Py.Iterate(iterable).ToList());
        }
        LoopContext? loop = s.UsesLoop || s.Recursive ? new LoopContext(this, s, outer, items, depth0) : null;
        var iterated = false;
        for (var i = 0; i < items.Count; i++)
        {
            CountIteration();
            iterated = true;
            loopFrame.Clear();
            if (loop is not null)
            {
                loop.Index0 = i;
                loopFrame.Set("loop", loop);
            }
            Assign(s.Target, Py.FromHost(items[i]), loopFrame);
            if (Exec(s.Body, loopFrame) == Signal.Break) break;
        }
        if (!iterated && s.Else.Length > 0)
        {
            loopFrame.Clear();
            Exec(s.Else, loopFrame);
        }
    }
}
