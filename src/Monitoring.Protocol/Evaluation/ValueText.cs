using System.Globalization;

namespace Monitoring.Protocol.Evaluation;

/// <summary>How triggering values read on screen. Rounding here is for display only, never for a decision.</summary>
internal static class ValueText
{
    public static string Number(decimal value, int decimals = 2) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero).ToString("0.###", CultureInfo.InvariantCulture);

    public static string DoseRate(decimal mgPerKgPerHour) => $"{Number(mgPerKgPerHour, 3)} mg/kg/h";

    public static string DailyDose(decimal mgPerDay) => $"{Number(mgPerDay, 1)} mg/day";

    public static string MgPerKg(decimal mgPerKg) => $"{Number(mgPerKg, 3)} mg/kg";

    public static string Duration(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours} h {span.Minutes} min" :
        span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes} min {span.Seconds} s" : $"{(int)span.TotalSeconds} s";
}
