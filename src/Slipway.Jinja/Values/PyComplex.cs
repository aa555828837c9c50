namespace Slipway.Jinja.Values;

/// <summary>
/// Python's complex, as produced by a negative number raised to a fractional power. Only printing, truth and
/// equality are supported; arithmetic on it raises TypeError (Python would compute).
/// </summary>
internal sealed class PyComplex(double real, double imaginary) : IPyObject
{
    public double Real { get; } = real;
    public double Imaginary { get; } = imaginary;

    /// <summary>CPython's float ** float for a negative base: |x|^y turned by the angle of x times y.</summary>
    public static PyComplex Power(double x, double y)
    {
        var length = Math.Pow(Math.Abs(x), y);
        var phase = Math.Atan2(0.0, x) * y;
        return new PyComplex(length * Math.Cos(phase), length * Math.Sin(phase));
    }

    public string PyTypeName => "complex";

    // Python prints each part with repr but without a trailing ".0", and drops the real part when it is +0.
    public string PyRepr()
    {
        var imaginary = Part(Imaginary) + "j";
        if (Real == 0 && !double.IsNegative(Real)) return imaginary;
        var sign = Imaginary >= 0 || double.IsNaN(Imaginary) ? "+" : "";
        if (double.IsNegative(Imaginary) && Imaginary == 0) sign = "";
        return $"({Part(Real)}{sign}{imaginary})";
    }

    private static string Part(double d)
    {
        var r = Py.FloatRepr(d);
        return r.EndsWith(".0", StringComparison.Ordinal) ? r[..^2] : r;
    }

    public override string ToString() => PyRepr();

    public override bool Equals(object? obj) => obj switch
    {
        PyComplex c => c.Real == Real && c.Imaginary == Imaginary,
        _ when Py.IsNumber(obj) => Imaginary == 0 && Py.ToDouble(obj) == Real,
        _ => false,
    };

    public override int GetHashCode() => HashCode.Combine(Real, Imaginary);
}
