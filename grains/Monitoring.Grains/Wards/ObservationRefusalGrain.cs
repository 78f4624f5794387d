using Microsoft.Extensions.Logging;
using Monitoring.Contracts.Grains;
using Monitoring.Grains.Configuration;
using Orleans.Concurrency;
using Monitoring.Grains.Logging;

namespace Monitoring.Grains.Wards;

/// <summary>Routes a refused observation to its ward (<see cref="IObservationRefusalGrain"/>).</summary>
[StatelessWorker]
public sealed class ObservationRefusalGrain(WardRegistry registry, ILogger<ObservationRefusalGrain> logger) : Grain, IObservationRefusalGrain
{
    public async Task Report(string patientId, string reason)
    {
        ArgumentNullException.ThrowIfNull(patientId);
        var snapshot = await GrainFactory.GetGrain<IPatientGrain>(patientId).GetSnapshot();
        IReadOnlyList<string> wards = snapshot is { WardId: { } wardId } && registry.Find(wardId) is not null
            ? [wardId]
            : [.. registry.Wards.Select(w => w.WardId)];
        if (wards.Count == 0)
        {
            logger.RefusedObservationNoWard(patientId);
            return;
        }

        // Each ward is told in turn; a failure throws, so ingest does not acknowledge and tries again.
        foreach (var ward in wards)
        {
            await GrainFactory.GetGrain<IWardGrain>(ward).ObservationRefused(patientId, reason);
        }
    }
}
