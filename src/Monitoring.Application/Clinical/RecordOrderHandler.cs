using Monitoring.Application.Handling;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;

namespace Monitoring.Application.Clinical;

/// <summary>PUT /api/patients/{id}/order, the hub's RecordOrder and the patient page's order form: the grain validates and audits.</summary>
public sealed class RecordOrderHandler(UseCaseServices services) : PatientCommand<RecordOrder>(services)
{
    protected override string Name => "order";

    protected override string PatientIdOf(RecordOrder request) => request.PatientId;

    protected override Task<GrainResult> Send(IPatientGrain patient, RecordOrder request, string actor) => patient.RecordOrder(request.Order, actor);
}
