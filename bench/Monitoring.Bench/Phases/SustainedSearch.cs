namespace Monitoring.Bench.Phases;

/// <summary>
/// Finds the sustained rate by ramping: steps at doubling offered rates until one does not keep up (processed
/// under 90 % of offered, or more than one second of load still unprocessed at its end), then one step halfway between
/// the last that kept up and the first that did not. The best step that kept up gives the sustained rate. A ramp,
/// not a saturating step: a system offered far more than it takes can collapse below its real capacity (Mosquitto
/// dropping from a full queue does), which would understate it.
/// </summary>
public sealed class SustainedSearch(LoadStep step, BenchSettings settings)
{
    private const int MaxSteps = 8;

    // Warm-up: every patient's pump and monitor report about twice, gently, before the ramp.
    private const double WarmUpMessagesPerPatient = 2;
    private const double WarmUpMaxRate = 500;

    /// <param name="start">The first offered rate (msg/s): a guess below the answer saves steps.</param>
    /// <param name="warmUp">
    /// First a gentle step in which every patient's grains activate (state read from Redis, reminders registered)
    /// and the devices silent since the last step report again (their comms alerts resolve): the ramp then measures
    /// the steady state, not activation. Recorded as a step of kind "warm-up", not counted in the answer.
    /// </param>
    public async Task<SustainedResult> FindAsync(string system, int patients, double start, bool warmUp, CancellationToken cancellationToken)
    {
        var steps = new List<StepResult>();
        if (warmUp)
        {
            var rate = Math.Min(WarmUpMaxRate, patients * 0.2);
            var duration = TimeSpan.FromSeconds(Math.Max(settings.StepFor.TotalSeconds, patients * WarmUpMessagesPerPatient / rate));
            steps.Add(await step.RunAsync("warm-up", patients, rate, duration, cancellationToken));
        }

        var ramp = steps.Count;
        StepResult? kept = null;
        StepResult? failed = null;
        var offered = start;
        while (steps.Count - ramp < MaxSteps && failed is null && offered <= settings.MaxOfferedRate)
        {
            var result = await step.RunAsync("ramp", patients, offered, settings.StepFor, cancellationToken);
            steps.Add(result);
            if (result.KeepsUp)
            {
                kept = result;
                offered *= 2;
            }
            else if (kept is null)
            {
                // Even the first rate was too much: halve until one keeps up.
                offered /= 2;
                if (steps.Count - ramp >= 3)
                {
                    failed = result;
                }
            }
            else
            {
                failed = result;
            }
        }

        if (kept is not null && failed is not null && steps.Count - ramp < MaxSteps)
        {
            var between = await step.RunAsync("bisect", patients, (kept.TargetRate + failed.TargetRate) / 2, settings.StepFor, cancellationToken);
            steps.Add(between);
            if (between.KeepsUp)
            {
                kept = between;
            }
        }

        return new SustainedResult { System = system, Patients = patients, SustainedRate = kept?.ProcessedRate ?? 0, Steps = steps, LimitedByGenerator = failed is null && kept is not null };
    }
}
