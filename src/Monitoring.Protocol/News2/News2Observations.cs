using Monitoring.Protocol.Model;

namespace Monitoring.Protocol.News2;

/// <summary>
/// The latest reading of each NEWS2 parameter with its server-receipt time; null when never received.
/// </summary>
/// <param name="RespirationRate">Breaths per minute.</param>
/// <param name="Spo2">Oxygen saturation, %.</param>
/// <param name="SupplementalOxygen">True on oxygen, false on air.</param>
/// <param name="Systolic">Systolic blood pressure, mmHg.</param>
/// <param name="Pulse">Beats per minute.</param>
/// <param name="Consciousness">ACVPU.</param>
/// <param name="Temperature">Degrees Celsius.</param>
public sealed record News2Observations(
    TimedValue<decimal>? RespirationRate = null,
    TimedValue<decimal>? Spo2 = null,
    TimedValue<bool>? SupplementalOxygen = null,
    TimedValue<decimal>? Systolic = null,
    TimedValue<decimal>? Pulse = null,
    TimedValue<Consciousness>? Consciousness = null,
    TimedValue<decimal>? Temperature = null);
