using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Grains.Patients;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Persistence;

/// <summary>
/// What of a patient's stored state a later rule depends on, as text: the grain writes whenever this differs from what
/// it last wrote, so an input whose clinical effect is only in memory is never acknowledged (docs/faults.md, "What a
/// PUBACK confirms"). Durable by default: every field is in it except the readings' freshness, which every new message
/// replaces and which the devices send again within seconds (docs/production.md lists them):
/// the devices' last-message times and clock skews, the pump status's receipt and device times and volume, the latest
/// vitals and when each parameter was last seen, the ledger's last status time, the seq positions of the de-duplication
/// watermarks (their bootIds stay in), and an open alert's repeat count, latest value and last change.
/// Left out because a write follows them anyway: resolved alerts (a Resolved event), the audit outbox (staged entries
/// force the write) and the observation ids (an observation is a transition). The first dose segment's start is left
/// out because pruning moves it to the window's start on every evaluation without changing any total.
/// </summary>
public static class DurableImage
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Of(PatientGrainState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var clinical = state.Clinical;
        var image = new
        {
            state.Admission,
            state.AdmittedAt,
            state.Discharged,
            state.DischargedAt,
            state.AlertCounter,
            state.ReAlarmedAt,
            Clinical = clinical is null ? null : WithoutFreshness(clinical),
            Segments = clinical?.Ledger.Segments.Select((s, i) => new { Start = i == 0 ? (DateTimeOffset?)null : s.Start, s.End, s.RateMlPerHour, s.ConcentrationMgPerMl }),
            clinical?.Ledger.Boluses,
            Alerts = state.OpenAlerts.Select(a => a with { Count = 0, LastValue = "", LastChangedAt = default }),
            Watermarks = state.Watermarks.Select(w => new { w.DeviceId, w.Topic, w.BootId, w.EarlierBootIds }),
        };
        return JsonSerializer.Serialize(image, Options);
    }

    private static PatientState WithoutFreshness(PatientState s) => s with
    {
        Pump = s.Pump is { } pump
            ? pump with
            {
                LastMessageAt = null,
                ClockSkew = default,
                Status = pump.Status is { } status ? status with { DeviceTs = default, ReceivedAt = default, VolumeInfusedMl = 0m } : null,
            }
            : null,
        Monitor = s.Monitor is { } monitor ? monitor with { LastMessageAt = null, ClockSkew = default } : null,
        Vitals = VitalSigns.None,
        ParameterLastSeen = new Dictionary<string, DateTimeOffset>(),

        // Imaged apart, above (segments and boluses).
        Ledger = Protocol.Dosing.DoseLedger.Empty,
    };
}
