namespace Slipway.Jinja.Values;

/// <summary>
/// A value made by the engine itself (range, cycler, bound method, datetime, …) that knows its Python type name
/// and repr, so <see cref="Py"/> can print it the way Python would without a case per class.
/// </summary>
internal interface IPyObject
{
    string PyTypeName { get; }
    string PyRepr();
    /// <summary>Python's str(); most objects print their repr.</summary>
    string PyStr() => PyRepr();
}

/// <summary>An engine value with Python operators of its own (datetime arithmetic and ordering).</summary>
internal interface IPyOperand
{
    /// <summary>The result of <c>this op other</c> (or <c>other op this</c> when <paramref name="reflected"/>), false when unsupported.</summary>
    bool TryBinary(string op, object? other, bool reflected, out object? result);
    /// <summary>Three-way order against <paramref name="other"/>, or null when the types do not order (Python then raises).</summary>
    int? CompareTo(object? other, string op);
}
