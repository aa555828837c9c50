using System.Globalization;
using System.Numerics;
using System.Text;

namespace Slipway.Jinja.Values;

// Fixed, exponent and general float formatting with Python's exact rounding: the decimal expansion of a
// double is exact, so "%.2f" % 0.125 rounds half-to-even on the true value ('0.12'), as CPython does.
public static partial class Py
{
    /// <summary>The exact value of a finite positive double as mantissa × 10^exponent.</summary>
    private static (BigInteger Mantissa, int Exponent10) ExactDecimal(double d)
    {
        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(d));
        var e = (int)((bits >> 52) & 0x7FF);
        var m = bits & 0xFFFFFFFFFFFFFL;
        if (e == 0) e = 1; else m |= 1L << 52;
        e -= 1075;
        if (e >= 0) return (new BigInteger(m) << e, 0);
        return (m * BigInteger.Pow(5, -e), e);
    }

    /// <summary>round(|d| × 10^scale) with ties to even, computed exactly.</summary>
    private static BigInteger RoundScaled(double d, int scale)
    {
        var (mant, exp10) = ExactDecimal(d);
        var shift = exp10 + scale;
        if (shift >= 0) return mant * BigInteger.Pow(10, shift);
        var divisor = BigInteger.Pow(10, -shift);
        var q = BigInteger.DivRem(mant, divisor, out var rem);
        var twice = rem * 2;
        if (twice > divisor || (twice == divisor && !q.IsEven)) q += 1;
        return q;
    }

    private static string NonFinite(double d, bool upper)
    {
        var s = double.IsNaN(d) ? "nan" : "inf";
        return upper ? s.ToUpperInvariant() : s;
    }

    /// <summary>Digits of |d| with <paramref name="precision"/> decimals (no sign); "inf"/"nan" for non-finite.</summary>
    internal static string FormatFixed(double d, int precision, bool alternate = false, bool upper = false)
    {
        if (!double.IsFinite(d)) return NonFinite(d, upper);
        var digits = RoundScaled(d, precision).ToString(CultureInfo.InvariantCulture);
        if (precision == 0) return alternate ? digits + "." : digits;
        if (digits.Length <= precision) digits = new string('0', precision - digits.Length + 1) + digits;
        return digits[..^precision] + "." + digits[^precision..];
    }

    /// <summary>|d| in exponent notation with <paramref name="precision"/> decimals: 1.50e+03.</summary>
    internal static string FormatExponent(double d, int precision, bool alternate = false, bool upper = false)
    {
        if (!double.IsFinite(d)) return NonFinite(d, upper);
        var (digits, exponent) = SignificantDigits(d, precision + 1);
        var sb = new StringBuilder();
        sb.Append(digits[0]);
        if (precision > 0 || alternate) sb.Append('.');
        sb.Append(digits, 1, digits.Length - 1);
        sb.Append(upper ? 'E' : 'e').Append(exponent < 0 ? '-' : '+').Append(Math.Abs(exponent).ToString("00", CultureInfo.InvariantCulture));
        return sb.ToString();
    }

    /// <summary>|d| rounded to <paramref name="count"/> significant digits, and the decimal exponent of the first.</summary>
    private static (string Digits, int Exponent) SignificantDigits(double d, int count)
    {
        if (d == 0) return (new string('0', count), 0);
        var (mant, exp10) = ExactDecimal(d);
        var exponent = mant.ToString(CultureInfo.InvariantCulture).Length - 1 + exp10;
        var r = RoundScaled(d, count - 1 - exponent);
        var digits = r.ToString(CultureInfo.InvariantCulture);
        if (digits.Length > count)
        {
            exponent++;
            digits = digits[..count];
        }
        return (digits, exponent);
    }

    /// <summary>Python's 'g' conversion of |d|: fixed or exponent by magnitude, trailing zeros removed unless '#'.</summary>
    internal static string FormatGeneral(double d, int precision, bool alternate = false, bool upper = false, bool keepPointZero = false)
    {
        if (!double.IsFinite(d)) return NonFinite(d, upper);
        if (precision == 0) precision = 1;
        var (_, exponent) = SignificantDigits(d, precision);
        string s;
        // format()'s default float presentation switches to exponent notation one digit earlier than 'g'.
        if (exponent >= -4 && exponent < (keepPointZero ? precision - 1 : precision))
        {
            s = FormatFixed(d, precision - 1 - exponent, alternate);
            if (!alternate && s.Contains('.')) s = s.TrimEnd('0').TrimEnd('.');
            if (keepPointZero && !s.Contains('.')) s += ".0";
        }
        else
        {
            s = FormatExponent(d, precision - 1, alternate, upper);
            if (!alternate)
            {
                var e = s.IndexOf(upper ? 'E' : 'e');
                var mantissa = s[..e];
                if (mantissa.Contains('.')) mantissa = mantissa.TrimEnd('0').TrimEnd('.');
                s = mantissa + s[e..];
            }
        }
        return s;
    }

    /// <summary>Python's round(x, ndigits) for a float: exact, ties to even.</summary>
    public static double RoundFloat(double d, int ndigits)
    {
        if (!double.IsFinite(d) || d == 0) return d;
        if (ndigits > 330) return d;
        if (ndigits < -330) return 0.0 * Math.Sign(d);
        var r = RoundScaled(d, ndigits);
        var text = r.ToString(CultureInfo.InvariantCulture) + "e" + (-ndigits).ToString(CultureInfo.InvariantCulture);
        var result = double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
        return d < 0 ? -result : result;
    }
}
