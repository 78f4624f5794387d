namespace Monitoring.Bench.Soak;

/// <summary>
/// How long an expected alert may take: its base time (the rule's own delay plus a margin), and for every fault whose
/// span (start to recovery) overlaps the window so far, that span plus <see cref="PerFault"/> more (a failover, a
/// restarted host's recovery, the backlog), so a fault in progress delays an alert but never excuses it.
/// </summary>
public static class AlertDeadline
{
    public static readonly TimeSpan PerFault = TimeSpan.FromSeconds(30);

    public static double Of(LabelledEvent labelled, IReadOnlyList<FaultRecord> faults)
    {
        ArgumentNullException.ThrowIfNull(labelled);
        ArgumentNullException.ThrowIfNull(faults);
        var deadline = labelled.InjectedAt + labelled.BaseSeconds;
        var counted = new HashSet<FaultRecord>();
        bool grew;
        do
        {
            grew = false;
            foreach (var fault in faults.Where(f => !counted.Contains(f) && f.StartedAt <= deadline && f.RecoveredAt >= labelled.InjectedAt))
            {
                counted.Add(fault);
                deadline += fault.RecoveredAt - Math.Max(fault.StartedAt, labelled.InjectedAt) + PerFault.TotalSeconds;
                grew = true;
            }
        }
        while (grew);
        return deadline;
    }
}
