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
        if (s.UsesLoop || s.Recursive)
        {
            RunLoopWithContext(s, outer, loopFrame, iterable, depth0);
            return;
        }
        if (s.Filter is not null)
        {
            RunFilteredLoop(s, loopFrame, iterable);
            return;
        }
        var items = iterable as List<object?> ?? Py.Iterate(iterable).ToList();
        var iterated = false;
        for (var i = 0; i < items.Count; i++)
        {
            CountIteration();
            iterated = true;
            loopFrame.Clear();
            Assign(s.Target, Py.FromHost(items[i]), loopFrame);
            if (Exec(s.Body, loopFrame) == Signal.Break) break;
        }
        if (!iterated && s.Else.Length > 0)
        {
            loopFrame.Clear();
            Exec(s.Else, loopFrame);
        }
    }

    /// <summary>A loop whose body names <c>loop</c>: the LoopContext fetches items (and runs the filter) lazily.</summary>
    private void RunLoopWithContext(ForStmt s, Frame outer, Frame loopFrame, object? iterable, int depth0)
    {
        Func<object?, bool>? filter = null;
        if (s.Filter is { } test)
        {
            // The filter sees the item in a scope of its own: it may run ahead of the body (loop.last, loop.length).
            var testFrame = new Frame(outer, outer.Context, outer.Template);
            filter = item =>
            {
                testFrame.Clear();
                Assign(s.Target, item, testFrame);
                return EvalBool(test, testFrame);
            };
        }
        var loop = new LoopContext(this, s, outer, iterable, filter, depth0);
        var iterated = false;
        while (loop.MoveNext(out var item))
        {
            CountIteration();
            iterated = true;
            loopFrame.Clear();
            loopFrame.Set("loop", loop);
            Assign(s.Target, item, loopFrame);
            if (Exec(s.Body, loopFrame) == Signal.Break) break;
        }
        if (!iterated && s.Else.Length > 0)
        {
            loopFrame.Clear();
            Exec(s.Else, loopFrame);
        }
    }

    /// <summary>
    /// <c>for x in xs if test</c> without the loop object: each item is tested just before its iteration,
    /// as Jinja2's generator does, so a body that changes what the test sees (de-duplication) behaves the same.
    /// </summary>
    private void RunFilteredLoop(ForStmt s, Frame loopFrame, object? iterable)
    {
        var iterated = false;
        foreach (var item in Py.Iterate(iterable))
        {
            loopFrame.Clear();
            Assign(s.Target, item, loopFrame);
            if (!EvalBool(s.Filter!, loopFrame)) continue;
            CountIteration();
            iterated = true;
            if (Exec(s.Body, loopFrame) == Signal.Break) break;
        }
        if (!iterated && s.Else.Length > 0)
        {
            loopFrame.Clear();
            Exec(s.Else, loopFrame);
        }
    }
}
