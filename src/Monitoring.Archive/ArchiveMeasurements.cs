namespace Monitoring.Archive;

/// <summary>The archive's measurement names (docs/archive.md). VictoriaMetrics names a series measurement_field.</summary>
public static class ArchiveMeasurements
{
    /// <summary>Bedside monitor readings, one point per receipt time: tags patient, ward, bed, monitor.</summary>
    public const string Vitals = "vitals";

    /// <summary>Pump state and dose rate, one point per pump message: tags patient, ward, bed, pump.</summary>
    public const string Dose = "dose";

    /// <summary>Alert transitions: tags ward, patient, device, bed, rule, priority, kind, state, transition.</summary>
    public const string Alerts = "alerts";

    /// <summary>Pump commands, issued and answered: tags pump, patient, ward, rule, command, result.</summary>
    public const string Commands = "commands";
}
