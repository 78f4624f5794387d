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

    /// <param name="start">The first offered rate (msg/s): a guess below the answer saves steps.</param>
    public async Task<SustainedResult> FindAsync(string system, int patients, double start, CancellationToken cancellationToken)
    {
        var steps = new List<StepResult>();
        StepResult? kept = null;
        StepResult? failed = null;
        var rate = start;
        while (steps.Count < MaxSteps && failed is null && rate <= settings.MaxOfferedRate)
        {
            var result = await step.RunAsync("ramp", patients, rate, settings.StepFor, cancellationToken);
            steps.Add(result);
            if (result.KeepsUp)
            {
                kept = result;
                rate *= 2;
            }
            else if (kept is null)
            {
                // Even the first rate was too much: halve until one keeps up.
                rate /= 2;
                if (steps.Count >= 3)
                {
                    failed = result;
                }
            }
            else
            {
                failed = result;
            }
        }

        if (kept is not null && failed is not null && steps.Count < MaxSteps)
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
