using System.Globalization;
using Monitoring.Contracts;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Patients;

/// <summary>A charted observation as the contract spells it.</summary>
internal static class ObservationViews
{
    public static ObservationView From(ObservationReading o) => new(
        o.ObservationId,
        Wire.Name(o.Kind),
        o.Number?.ToString(CultureInfo.InvariantCulture) ?? (o.Level is { } level ? Wire.Name(level) : null) ?? (o.Flag is { } flag ? (flag ? "true" : "false") : null),
        o.RecordedBy,
        o.ReceivedAt);
}
