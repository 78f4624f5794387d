namespace Monitoring.Simulators.Devices;

/// <summary>
/// Physiology parameters of the simulated monitor: a resting adult, how much readings scatter and wander,
/// and what a monitor can display. Device realism only; no protocol threshold is here.
/// </summary>
public static class Physiology
{
    // Reading-to-reading scatter, one standard deviation per parameter.
    internal const double HeartRateScatter = 1.5;
    internal const double Spo2Scatter = 0.5;
    internal const double RespRateScatter = 0.7;
    internal const double SystolicScatter = 3;
    internal const double DiastolicScatter = 2;
    internal const double TemperatureScatter = 0.04;

    // How far the slow drift wanders from the target, one standard deviation per parameter.
    internal const double HeartRateWander = 3;
    internal const double Spo2Wander = 0.6;
    internal const double RespRateWander = 1;
    internal const double SystolicWander = 5;
    internal const double DiastolicWander = 3;
    internal const double TemperatureWander = 0.12;

    // What a bedside monitor can display; the product refuses readings outside such ranges.
    internal const double Spo2DisplayMax = 100;
    internal const double HeartRateDisplayMax = 300;
    internal const double RespRateDisplayMax = 120;
    internal const double PressureDisplayMax = 300;
    internal const double TemperatureDisplayMin = 25;
    internal const double TemperatureDisplayMax = 45;

    /// <summary>The slow drift's time constant: trends over tens of minutes, not seconds.</summary>
    internal static readonly TimeSpan WanderTimeConstant = TimeSpan.FromMinutes(20);

    /// <summary>A calm adult at rest, used when a scenario or profile names no baseline.</summary>
    public static VitalsProfile RestingAdult { get; } = new()
    {
        HeartRate = 76,
        Spo2 = 96,
        RespRate = 15,
        Systolic = 128,
        Diastolic = 76,
        Temperature = 36.8m,
        Rhythm = "sinus",
    };
}
