namespace Monitoring.Grains.Patients;

/// <summary>When a patient grain pushes its snapshot after an evaluation.</summary>
internal enum SnapshotPush
{
    /// <summary>After every input: a reading or a decision always changes what the bed shows.</summary>
    Always,

    /// <summary>After a clock tick, only when something moved (an alert, a command, a written transition).</summary>
    OnChange,
}
