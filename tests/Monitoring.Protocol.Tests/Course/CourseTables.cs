using Monitoring.Protocol.Model;

namespace Monitoring.Protocol.Tests.Course;

/// <summary>
/// The realistic values a generated step picks from. Entry 0 of each table is the most ordinary one, so a
/// shrunk scenario keeps only the values that matter to its failure.
/// </summary>
public static class CourseTables
{
    /// <summary>Syringe strengths in use on the ward (mg/mL).</summary>
    public static readonly decimal[] Strengths = [1m, 2m, 5m, 10m, 20m, 50m];

    /// <summary>Pump rate steps (mL/h).</summary>
    public static readonly decimal[] RateSteps = [0.1m, 0.01m, 0.05m, 0.5m, 1m];

    /// <summary>Weight-based regimen: intended dose rates as fractions of the ceiling (0.06-0.12 mg/kg/h is 0.12-0.24).</summary>
    public static readonly decimal[] CeilingFractions = [0.2m, 0.12m, 0.16m, 0.24m, 0.4m, 0.6m, 0.9m, 1m, 1.1m, 1.6m, 2m];

    /// <summary>Gradual regimen: intended programmed daily doses (mg/day).</summary>
    public static readonly decimal[] DailyDosesMg = [10m, 5m, 12m, 20m, 24m, 30m, 48m, 60m, 100m, 150m, 250m, 320m];

    /// <summary>A rate change in pump steps from the rate programmed now.</summary>
    public static readonly int[] StepDeltas = [1, -1, 2, -2, 5, 10, 30, 100];

    /// <summary>Bolus sizes in mg/kg (the acute limit is 0.35, the test bolus 0.5).</summary>
    public static readonly decimal[] BolusMgPerKg = [0.1m, 0.2m, 0.3m, 0.34m, 0.35m, 0.4m, 0.5m, 0.6m, 1m];

    /// <summary>Midazolam doses (mg).</summary>
    public static readonly decimal[] MidazolamMg = [2m, 1m, 3.5m, 5m, 7m, 10m];

    public static readonly decimal[] PainScores = [3m, 0m, 5m, 7m, 9m];

    public static readonly decimal[] RassScores = [0m, -1m, -2m, -3m, -4m, -5m, 1m, 3m];

    public static readonly Consciousness[] Acvpu = [Consciousness.A, Consciousness.C, Consciousness.V, Consciousness.P, Consciousness.U];

    public static readonly decimal[] HeartRates = [72m, 110m, 128m, 135m, 38m, 150m];

    public static readonly decimal[] Spo2s = [97m, 94m, 91m, 89m, 87m, 84m, 78m];

    public static readonly decimal[] RespRates = [16m, 12m, 22m, 7m, 32m];

    public static readonly decimal[] Systolics = [125m, 105m, 95m, 85m, 185m];

    public static readonly Rhythm[] Rhythms = [Rhythm.Sinus, Rhythm.Af, Rhythm.Other, Rhythm.Vt];

    /// <summary>Clock jumps, seconds to hours.</summary>
    public static readonly TimeSpan[] ClockJumps =
    [
        TimeSpan.FromMinutes(3), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(61), TimeSpan.FromMinutes(10),
        TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(61), TimeSpan.FromHours(2), TimeSpan.FromHours(4), TimeSpan.FromHours(9),
    ];

    /// <summary>Time between a discharge and the readmission (the same course continues within 24 h).</summary>
    public static readonly TimeSpan[] ReadmissionGaps = [TimeSpan.FromHours(1), TimeSpan.FromHours(23), TimeSpan.FromHours(25), TimeSpan.FromDays(3)];

    public static readonly PumpAlarm[] Alarms = [PumpAlarm.Occlusion, PumpAlarm.AirInLine, PumpAlarm.Empty, PumpAlarm.Fault];

    public static T Pick<T>(T[] table, int index) => table[index % table.Length];
}
