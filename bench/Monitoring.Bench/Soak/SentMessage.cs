namespace Monitoring.Bench.Soak;

/// <summary>
/// One message a soak device published: which device and patient, its seq (or observation id), the marker that shows it
/// in the patient's snapshot (see <see cref="ReadingMarkers"/>), when it was sent and whether the broker PUBACKed it.
/// Times are seconds since the devices started.
/// </summary>
/// <param name="Kind">status, vitals or observation.</param>
/// <param name="Key">bootId:seq for a device message, the observationId for an observation.</param>
public sealed record SentMessage(string Kind, string DeviceId, string PatientId, long Seq, string Key, string Marker, double SentAt, double? AckedAt)
{
    public bool Acknowledged => AckedAt is not null;
}
