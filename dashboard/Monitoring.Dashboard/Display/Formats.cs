using System.Globalization;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Dashboard.Display;

/// <summary>How numbers, ages and times read on the dashboard. Formatting only: every value comes from the grain.</summary>
public static class Formats
{
    public const string Missing = "--";

    public static string Number(decimal? value, int decimals = 1) =>
        value is { } v ? decimal.Round(v, decimals, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture) : Missing;

    /// <summary>
    /// A dose rate to three decimals, rounded up: a rate above a limit never reads as the limit itself
    /// (0.5004 reads 0.501, not 0.5).
    /// </summary>
    public static string DoseRate(decimal? value) =>
        value is { } v ? decimal.Round(v, 3, MidpointRounding.ToPositiveInfinity).ToString("0.###", CultureInfo.InvariantCulture) : Missing;

    public static string Plain(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>"8 s", "4 min", "3 h", "2 d": how old a reading is.</summary>
    public static string Age(double? seconds)
    {
        if (seconds is not { } s || double.IsNaN(s))
        {
            return "";
        }

        s = Math.Max(0, s);
        return s switch
        {
            < 60 => $"{Math.Floor(s).ToString(CultureInfo.InvariantCulture)} s",
            < 3600 => $"{Math.Floor(s / 60).ToString(CultureInfo.InvariantCulture)} min",
            < 172800 => $"{Math.Floor(s / 3600).ToString(CultureInfo.InvariantCulture)} h",
            _ => $"{Math.Floor(s / 86400).ToString(CultureInfo.InvariantCulture)} d",
        };
    }

    /// <summary>"12:04" or "-00:30" for a countdown in seconds.</summary>
    public static string Countdown(double seconds)
    {
        var negative = seconds < 0;
        var span = TimeSpan.FromSeconds(Math.Abs(Math.Floor(seconds)));
        var text = span.TotalHours >= 1
            ? $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}"
            : $"{span.Minutes:00}:{span.Seconds:00}";
        return negative ? "-" + text : text;
    }

    /// <summary>"14:03:05 UTC+1": the ward's wall clock with its offset (UTC stays on the wire).</summary>
    public static string Time(DateTimeOffset? at, WardTimeZone zone) => at is { } t ? zone.Time(t) : Missing;

    /// <summary>"2026-07-01 14:03 UTC+1".</summary>
    public static string DateTime(DateTimeOffset? at, WardTimeZone zone) => at is { } t ? zone.DateTime(t) : Missing;

    /// <summary>Seconds, for a data-* attribute that the page's script ticks on.</summary>
    public static string Seconds(double value) => Math.Floor(value).ToString(CultureInfo.InvariantCulture);

    public static string Iso(DateTimeOffset at) => at.ToString("O", CultureInfo.InvariantCulture);
}
