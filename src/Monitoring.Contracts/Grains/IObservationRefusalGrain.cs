namespace Monitoring.Contracts.Grains;

/// <summary>
/// Where a refused charted observation is reported (key 0; a stateless worker): OBSERVATION_REFUSED on the ward it was
/// meant for. That is the patient's ward when the patient id names an admitted (or discharged) patient of a configured
/// ward; otherwise nobody can tell which ward, and every configured ward is told.
/// </summary>
public interface IObservationRefusalGrain : IGrainWithIntegerKey
{
    Task Report(string patientId, string reason);
}
