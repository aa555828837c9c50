namespace Slipway.Jinja.Values;

/// <summary>
/// Python's semantics over template values (see README.md for the representation). Every operator the
/// interpreter evaluates and every built-in filter goes through here, so there is one definition of
/// "how Python does it". Failures throw <see cref="JinjaRuntimeException"/> with Python's message.
/// </summary>
public static partial class Py
{
    // The members below are the contract the interpreter (Runtime/) relies on. Implemented in the
    // partial files beside this one (Py.Text.cs, Py.Operators.cs, Py.Access.cs, ...).
}
