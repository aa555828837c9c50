namespace Slipway.Jinja.Values;

// TEMPORARY stubs of the contract between Runtime/ and Values/ so both halves compile while they are
// written in parallel. The Values author replaces each stub with the real implementation (in files split by
// concern) and deletes this file when empty. Signatures are the contract: do not change them without
// telling the Runtime author.
public static partial class Py
{
    /// <summary>Normalises a host value: int/short/byte/uint → long, float/decimal → double, IEnumerable stays.</summary>
    public static object? FromHost(object? value) => throw new NotImplementedException();
    /// <summary>Python <c>str(value)</c>. Undefined prints "" (strict: throws).</summary>
    public static string ToStr(object? value) => throw new NotImplementedException();
    /// <summary>Python <c>repr(value)</c>.</summary>
    public static string Repr(object? value) => throw new NotImplementedException();
    /// <summary>Python truthiness. Undefined is false (strict: throws).</summary>
    public static bool IsTruthy(object? value) => throw new NotImplementedException();
    /// <summary>Python's type name: 'int', 'str', 'list', 'dict', 'tuple', 'NoneType', 'float', 'bool', …</summary>
    public static string TypeName(object? value) => throw new NotImplementedException();
    /// <summary>Python <c>a == b</c>.</summary>
    public static bool Equal(object? a, object? b) => throw new NotImplementedException();
    /// <summary>Python comparison; op is one of <c>== != &lt; &lt;= &gt; &gt;=</c>. TypeError as Python for unorderable types.</summary>
    public static bool Compare(string op, object? a, object? b) => throw new NotImplementedException();
    /// <summary>Binary arithmetic; op is one of <c>+ - * / // % **</c> (with <c>%</c> on a string being printf-style formatting).</summary>
    public static object? Binary(string op, object? a, object? b) => throw new NotImplementedException();
    /// <summary>Unary <c>-</c> or <c>+</c>.</summary>
    public static object? Unary(string op, object? a) => throw new NotImplementedException();
    /// <summary>Jinja's <c>~</c>: str(a) + str(b).</summary>
    public static string Concat(object? a, object? b) => throw new NotImplementedException();
    /// <summary>Python <c>item in container</c>.</summary>
    public static bool Contains(object? container, object? item) => throw new NotImplementedException();
    /// <summary>Python getattr: bound methods of str/list/dict, attributes of IJinjaObject. False when absent.</summary>
    public static bool TryGetAttr(object? obj, string name, out object? value) => throw new NotImplementedException();
    /// <summary>Python subscript <c>obj[key]</c> (negative indices on sequences). False when absent/out of range.</summary>
    public static bool TryGetItem(object? obj, object? key, out object? value) => throw new NotImplementedException();
    /// <summary>Python <c>obj[start:stop:step]</c>; null bounds mean omitted.</summary>
    public static object? Slice(object? obj, object? start, object? stop, object? step) => throw new NotImplementedException();
    /// <summary>Python <c>iter(obj)</c>: lists, tuples, strings (chars), dicts (keys), Undefined (empty; strict throws).</summary>
    public static IEnumerable<object?> Iterate(object? obj) => throw new NotImplementedException();
    /// <summary>Python <c>len(obj)</c>.</summary>
    public static long Length(object? obj) => throw new NotImplementedException();
    /// <summary>Call a value: IJinjaCallable, or TypeError "'int' object is not callable".</summary>
    public static object? Call(object? callee, Arguments arguments) => throw new NotImplementedException();
}
