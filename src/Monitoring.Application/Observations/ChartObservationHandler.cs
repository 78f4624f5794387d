using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Application.Access;
using Monitoring.Application.Handling;
using Monitoring.Application.Outcomes;
using Monitoring.Application.Ports;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Observations;

/// <summary>
/// POST /api/patients/{id}/observations and the patient page's charting form. The body is read by ingest's own parser,
/// so every door accepts and refuses exactly what MQTT does. Authorship is the signed-in user's: a recordedBy naming
/// anyone else is refused, never taken, so nobody charts in another's name.
/// </summary>
public sealed class ChartObservationHandler(UseCaseServices services, IObservationParser parser) : UseCase<ChartObservation, ObservationCharted>(services)
{
    protected override Permission Permission => Permission.ClinicalStaff;

    protected override string Name => "chart";

    protected override string SubjectOf(ChartObservation request) => request.PatientId;

    protected override async Task<Outcome<ObservationCharted>> Run(Caller caller, ChartObservation request)
    {
        var patient = Grains.GetGrain<IPatientGrain>(request.PatientId);
        var snapshot = await patient.GetSnapshot();
        if (PatientWards.RefuseAbsentOrUnseen(Services.Wards, caller, request.PatientId, snapshot) is { } refused)
        {
            return refused;
        }

        var read = Read(request, caller.Actor);
        if (read.Message is null)
        {
            return Rejection.Refused(read.Field ?? "", read.Error ?? "the observation cannot be read");
        }

        var outcome = await patient.RecordObservation(read.Message);
        return outcome == ApplyOutcome.UnknownPatient
            ? Rejection.NotFound($"patient '{request.PatientId}' is not admitted")
            : new ObservationCharted(read.Message.Reading.ObservationId, outcome);
    }

    private ObservationParse Read(ChartObservation request, string actor)
    {
        var body = (JsonObject)request.Body.DeepClone();
        if (!body.ContainsKey("sourceId"))
        {
            body["sourceId"] = request.SourceId;
        }

        // The body is read first, so a malformed one is refused on the same field as over MQTT; authorship after.
        var given = body.TryGetPropertyValue("recordedBy", out var node) && node is not null ? node : null;
        if (given is null)
        {
            body["recordedBy"] = actor;
        }

        if (Parse(request.PatientId, body) is { Message: null } refused)
        {
            return refused;
        }

        if (given is not null)
        {
            var named = given.GetValueKind() == JsonValueKind.String ? given.GetValue<string>().Trim() : null;
            if (!string.Equals(named, actor, StringComparison.OrdinalIgnoreCase))
            {
                return new ObservationParse(null, "recordedBy", $"must be the signed-in user ('{actor}'), or left out");
            }
        }

        body["recordedBy"] = actor;
        return Parse(request.PatientId, body);
    }

    private ObservationParse Parse(string patientId, JsonObject body) =>
        parser.Parse(patientId, JsonSerializer.SerializeToUtf8Bytes(body), Services.Clock.GetUtcNow());
}
