namespace Monitoring.Simulators.Devices;

/// <summary>How a nurse programs the pump over time: the rates and when each is set.</summary>
public interface IPumpRegimen
{
    /// <summary>The schedule, first entry at zero, each rate a multiple of the pump's step.</summary>
    IReadOnlyList<ScheduledRate> Plan(decimal concentrationMgPerMl, decimal rateStepMlPerHour);
}
