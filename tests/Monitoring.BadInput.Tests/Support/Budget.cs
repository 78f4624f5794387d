using System.Globalization;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// How many inputs each property runs. The defaults keep the project near two minutes on the 2-core test machine;
/// BADINPUT_SCALE multiplies them (e.g. BADINPUT_SCALE=20 for a long run). A failure prints CsCheck's seed:
/// CsCheck_Seed=... replays the failing case.
/// </summary>
public static class Budget
{
    public const string ScaleVariable = "BADINPUT_SCALE";

    public static double Scale =>
        double.TryParse(Environment.GetEnvironmentVariable(ScaleVariable), NumberStyles.Float, CultureInfo.InvariantCulture, out var scale) && scale > 0
            ? scale
            : 1;

    public static long Of(long baseline) => Math.Max(1, (long)Math.Ceiling(baseline * Scale));
}
