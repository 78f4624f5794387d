namespace Monitoring.Simulators.Devices;

/// <summary>
/// The gradual protocol as a nurse follows it: start at a daily dose, raise it by a step every interval
/// until the target. The figures come from the scenario or options.
/// </summary>
public sealed record GradualTitrationRegimen(decimal StartMgPerDay, decimal StepMgPerDay, TimeSpan StepInterval, decimal TargetMgPerDay) : IPumpRegimen
{
    public IReadOnlyList<ScheduledRate> Plan(decimal concentrationMgPerMl, decimal rateStepMlPerHour)
    {
        if (StepMgPerDay <= 0 || StepInterval <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("a gradual regimen needs a positive step and interval");
        }

        var plan = new List<ScheduledRate>();
        var dose = StartMgPerDay;
        var after = TimeSpan.Zero;
        while (true)
        {
            plan.Add(new ScheduledRate(after, PumpRates.ForDailyDose(dose, concentrationMgPerMl, rateStepMlPerHour)));
            if (dose >= TargetMgPerDay)
            {
                return plan;
            }

            dose = Math.Min(dose + StepMgPerDay, TargetMgPerDay);
            after += StepInterval;
        }
    }
}
