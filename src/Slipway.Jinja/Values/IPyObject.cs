namespace Slipway.Jinja.Values;

/// <summary>
/// A value made by the engine itself (range, cycler, bound method, …) that knows its Python type name and
/// repr, so <see cref="Py"/> can print it the way Python would without a case per class.
/// </summary>
internal interface IPyObject
{
    string PyTypeName { get; }
    string PyRepr();
}
