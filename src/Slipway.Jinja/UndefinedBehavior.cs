namespace Slipway.Jinja;

/// <summary>How undefined names behave (Jinja2's Undefined, StrictUndefined, ChainableUndefined).</summary>
public enum UndefinedBehavior
{
    /// <summary>Prints empty, is falsy, iterates empty; attribute access on it fails.</summary>
    Default,
    /// <summary>Every use except <c>is defined</c> fails.</summary>
    Strict,
    /// <summary>Attribute access, item access and calls on an undefined give undefined (dbt's parse-time mode).</summary>
    Chainable,
}
