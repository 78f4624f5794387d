using Monitoring.Application.Handling;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Clinical;

/// <summary>POST /api/patients/{id}/reviews and the patient page's review form.</summary>
public sealed class RecordReviewHandler(UseCaseServices services) : PatientCommand<RecordReview>(services)
{
    protected override string Name => "review";

    protected override string PatientIdOf(RecordReview request) => request.PatientId;

    protected override Task<GrainResult> Send(IPatientGrain patient, RecordReview request, string actor) =>
        patient.RecordReview(request.Benefit, request.Note?.Trim() ?? "", actor);
}
