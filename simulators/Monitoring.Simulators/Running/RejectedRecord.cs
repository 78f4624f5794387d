namespace Monitoring.Simulators.Running;

/// <summary>A refusal the product reported on monitoring/rejected; one record stands for 1 + suppressed refusals.</summary>
public sealed record RejectedRecord(TimeSpan At, string Topic, string Reason, int Suppressed);
