using Orleans.Storage;

namespace Monitoring.Grains.Tests.Support;

/// <summary>
/// The tests' grain storage: the memory storage, but refusing every write for the grains (by key: a patient, ward
/// or device id) a test names, as Redis unreachable would (or, in <see cref="GrainStoreOutage.FailAfterApplyingFor"/>,
/// storing the write and then failing it, as a timeout after Redis applied it would), until the test heals it. Reads still answer, so a grain
/// that threw its memory away reloads what was stored. Shared by both in-process silos. Refusals carry
/// <see cref="Marker"/> so the fixture does not count the grains' logged errors about them as failures.
/// </summary>
public sealed class SwitchableGrainStorage(IGrainStorage inner, GrainStoreOutage outage) : IGrainStorage
{
    public const string Marker = "(injected grain store failure)";

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        inner.ReadStateAsync(stateName, grainId, grainState);

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        outage.WriteAsync(grainId, () => inner.WriteStateAsync(stateName, grainId, grainState));

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        outage.ThrowIfFailing(grainId);
        return inner.ClearStateAsync(stateName, grainId, grainState);
    }
}
