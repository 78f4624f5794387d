using System.Globalization;
using Monitoring.Contracts;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Patients;

/// <summary>The audit entry's details of a charted observation: its id, kind, value and source (never a name).</summary>
public static class ObservationAudit
{
    public static string Details(ObservationReading reading, string sourceId)
    {
        ArgumentNullException.ThrowIfNull(reading);
        var value = reading.Number?.ToString(CultureInfo.InvariantCulture)
            ?? (reading.Level is { } level ? level.ToString() : null)
            ?? (reading.Flag is { } flag ? (flag ? "true" : "false") : null);
        var shown = value is null ? "" : $" {value}";
        return $"{reading.ObservationId} ({Wire.Name(reading.Kind)}){shown} from {sourceId}";
    }
}
