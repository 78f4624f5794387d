namespace Monitoring.Bench.Soak;

/// <summary>
/// A true event the soak caused on purpose, with the alert it must raise: on which patient, when (seconds since the
/// devices started), and within how long with no fault in the way (see <see cref="AlertDeadline"/>).
/// </summary>
public sealed record LabelledEvent(string RuleId, string PatientId, string BedId, double InjectedAt, double BaseSeconds, string What);
