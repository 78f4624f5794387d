namespace Monitoring.Bench.Phases;

/// <summary>
/// Finds the sustained rate: a saturating step measures what the system processes when offered more than it takes;
/// then steps at 90 % of that (lower by a fifth each time one does not keep up) until one shows processed ≈ offered
/// with a bounded backlog; when the first one does, one step 20 % higher is tried. The best step that kept up gives the sustained rate.
/// </summary>
public sealed class SustainedSearch(LoadStep step, BenchSettings settings)
{
    private const int MaxConfirmations = 4;
    private const double StepUp = 1.2;

    public async Task<SustainedResult> FindAsync(string system, int patients, CancellationToken cancellationToken)
    {
        var steps = new List<StepResult>();
        var saturated = await step.RunAsync("saturate", patients, settings.SaturatingRate, settings.SaturateFor, cancellationToken);
        steps.Add(saturated);
        if (saturated.KeepsUp)
        {
            // The generator's ceiling, not the system's, was reached: what it offered is sustained.
            return new SustainedResult { System = system, Patients = patients, SustainedRate = saturated.ProcessedRate, Steps = steps };
        }

        var rate = Math.Max(patients * 0.1, saturated.ProcessedRate * 0.9);
        for (var attempt = 0; attempt < MaxConfirmations; attempt++)
        {
            var confirm = await step.RunAsync("confirm", patients, rate, settings.ConfirmFor, cancellationToken);
            steps.Add(confirm);
            if (confirm.KeepsUp)
            {
                // The saturating step shared the CPU with a generator publishing flat out: one step higher shows whether more is kept up.
                var best = confirm;
                if (attempt == 0)
                {
                    var higher = await step.RunAsync("step up", patients, confirm.OfferedRate * StepUp, settings.ConfirmFor, cancellationToken);
                    steps.Add(higher);
                    best = higher.KeepsUp ? higher : confirm;
                }

                return new SustainedResult { System = system, Patients = patients, SustainedRate = best.ProcessedRate, Steps = steps };
            }

            rate = Math.Max(patients * 0.05, Math.Min(rate, confirm.ProcessedRate) * 0.8);
        }

        return new SustainedResult { System = system, Patients = patients, SustainedRate = 0, Steps = steps };
    }
}
