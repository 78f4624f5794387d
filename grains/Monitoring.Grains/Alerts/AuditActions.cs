namespace Monitoring.Grains.Alerts;

/// <summary>The action words of the audit trail (GET /api/audit's <c>action</c>).</summary>
public static class AuditActions
{
    public const string System = "system";

    public const string Admitted = "patient-admitted";
    public const string Readmitted = "patient-readmitted";
    public const string NewCourse = "course-started-on-readmission";
    public const string Updated = "patient-updated";
    public const string Discharged = "patient-discharged";
    public const string DeviceAttached = "device-attached";
    public const string DeviceReleased = "device-released";
    public const string DeviceAddedToWard = "device-added-to-ward";
    public const string ObservationRetracted = "observation-retracted";
    public const string ReviewRecorded = "review-recorded";
    public const string ClinicianAction = "clinician-action";
    public const string OrderRecorded = "course-order-recorded";
    public const string LimitsSet = "patient-limits-set";
    public const string CommandSent = "pump-command-sent";
    public const string CommandNotSent = "pump-command-not-sent";

    public const string AlertRaised = "alert-raised";
    public const string AlertUpdated = "alert-updated";
    public const string AlertPriorityRaised = "alert-priority-raised";
    public const string AlertReAlarmed = "alert-re-alarmed";
    public const string AlertAcknowledged = "alert-acknowledged";
    public const string AlertEscalated = "alert-escalated";
    public const string AlertLatched = "alert-latched";
    public const string AlertResolved = "alert-resolved";
    public const string AlertDropped = "alert-dropped-on-readmission";
}
