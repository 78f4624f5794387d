using Monitoring.Application.Alerts;
using Monitoring.Application.Clinical;
using Monitoring.Application.Devices;
using Monitoring.Application.Observations;
using Monitoring.Application.Patients;

namespace Monitoring.Application;

/// <summary>Every use case in one place, for a door that offers them all (the dashboard's pages); REST and the hub take the handlers they need.</summary>
public sealed record UseCases(
    AdmitPatientHandler Admit,
    UpdatePatientHandler Update,
    DischargePatientHandler Discharge,
    AssociateDevicesHandler Associate,
    ReleaseDeviceHandler Release,
    AddDeviceToWardHandler AddDeviceToWard,
    ChartObservationHandler Chart,
    RetractObservationHandler Retract,
    TakeActionHandler Act,
    RecordReviewHandler Review,
    RecordOrderHandler RecordOrder,
    SetLimitsHandler SetLimits,
    AcknowledgeAlertHandler Acknowledge);
