using System.Numerics;

namespace Monitoring.Protocol.Tests.Dosing;

/// <summary>
/// Exact rational arithmetic on decimals, straight from their bits (96-bit integer and a power-of-ten
/// scale): the oracle the product's decimal math is checked against.
/// </summary>
internal static class ExactDecimal
{
    /// <summary>The decimal as integer / 10^scale, exactly.</summary>
    public static (BigInteger Mantissa, int Scale) Of(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = ((BigInteger)(uint)bits[2] << 64) | ((BigInteger)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        return (bits[3] < 0 ? -mantissa : mantissa, scale);
    }

    /// <summary>Sign of (a x b) - (c x d), with no rounding anywhere.</summary>
    public static int CompareProducts(decimal a, decimal b, decimal c, decimal d)
    {
        var (ma, sa) = Of(a);
        var (mb, sb) = Of(b);
        var (mc, sc) = Of(c);
        var (md, sd) = Of(d);
        var left = ma * mb;
        var right = mc * md;
        var leftScale = sa + sb;
        var rightScale = sc + sd;

        // Bring both to the same power of ten before comparing the integers.
        if (leftScale < rightScale)
        {
            left *= BigInteger.Pow(10, rightScale - leftScale);
        }
        else
        {
            right *= BigInteger.Pow(10, leftScale - rightScale);
        }

        return left.CompareTo(right);
    }
}
