using Slipway.Jinja.Syntax.Ast;
using Slipway.Jinja.Values;

namespace Slipway.Jinja.Runtime;

// for loops: a fresh scope per iteration (Jinja2 semantics), the loop object only when the body names it.
// The else block runs unless some iteration reached the end of the body: Jinja2 clears its "no iteration" flag
// there, so a loop whose every iteration ends in break/continue still runs its else (dbt inherits this).
internal sealed partial class Interpreter
{
    // A break/continue in the else block belongs to the enclosing loop, so RunLoop hands it back.
    private Signal ExecFor(ForStmt s, Frame frame) => RunLoop(s, frame, Eval(s.Iter, frame), 0);

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

    private Signal RunLoop(ForStmt s, Frame outer, object? iterable, int depth0)
    {
        var loopFrame = new Frame(outer, outer.Context, outer.Template);
        if (s.UsesLoop || s.Recursive)
        {
            return RunLoopWithContext(s, outer, loopFrame, iterable, depth0);
        }
        if (s.Filter is not null)
        {
            return RunFilteredLoop(s, loopFrame, iterable);
        }
        var items = iterable as List<object?> ?? Py.Iterate(iterable).ToList();
        var iterated = false;
        for (var i = 0; i < items.Count; i++)
        {
            CountIteration();
            loopFrame.Clear();
            Assign(s.Target, Py.FromHost(items[i]), loopFrame);
            var signal = Exec(s.Body, loopFrame);
            if (signal == Signal.Break) break;
            if (signal == Signal.Return) return signal;
            if (signal == Signal.None) iterated = true;
        }
        return RunElse(s, loopFrame, iterated);
    }

    /// <summary>A loop whose body names <c>loop</c>: the LoopContext fetches items (and runs the filter) lazily.</summary>
    private Signal RunLoopWithContext(ForStmt s, Frame outer, Frame loopFrame, object? iterable, int depth0)
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
            loopFrame.Clear();
            loopFrame.Set("loop", loop);
            Assign(s.Target, item, loopFrame);
            var signal = Exec(s.Body, loopFrame);
            if (signal == Signal.Break) break;
            if (signal == Signal.Return) return signal;
            if (signal == Signal.None) iterated = true;
        }
        return RunElse(s, loopFrame, iterated);
    }

    /// <summary>
    /// <c>for x in xs if test</c> without the loop object: each item is tested just before its iteration,
    /// as Jinja2's generator does, so a body that changes what the test sees (de-duplication) behaves the same.
    /// </summary>
    private Signal RunFilteredLoop(ForStmt s, Frame loopFrame, object? iterable)
    {
        var iterated = false;
        foreach (var item in Py.Iterate(iterable))
        {
            loopFrame.Clear();
            Assign(s.Target, item, loopFrame);
            if (!EvalBool(s.Filter!, loopFrame)) continue;
            CountIteration();
            var signal = Exec(s.Body, loopFrame);
            if (signal == Signal.Break) break;
            if (signal == Signal.Return) return signal;
            if (signal == Signal.None) iterated = true;
        }
        return RunElse(s, loopFrame, iterated);
    }

    /// <summary>
    /// The <c>else</c> block after a loop's last iteration. As in Jinja2, an iteration ended by <c>continue</c> does
    /// not count as one, so a loop whose every iteration continues runs its <c>else</c>.
    /// </summary>
    private Signal RunElse(ForStmt s, Frame loopFrame, bool iterated)
    {
        if (iterated || s.Else.Length == 0) return Signal.None;
        loopFrame.Clear();
        return Exec(s.Else, loopFrame);
    }
}
