namespace Monitoring.Archive;

/// <summary>Which buffer a point waits in: readings are many and replaceable, events are few and are written first.</summary>
public enum ArchivePointClass
{
    /// <summary>Vitals and dose: the readings buffer (Archive:BufferCapacity).</summary>
    Reading,

    /// <summary>Alert transitions and pump commands: the events buffer (Archive:EventBufferCapacity), drained first.</summary>
    Event,
}
