namespace Monitoring.Simulators.Devices;

/// <summary>A device that has stopped publishing (cable out, battery flat), until a time or until resumed.</summary>
public sealed class DeviceSilence
{
    private DateTimeOffset? _until;
    private bool _indefinite;

    public void SilenceFor(DateTimeOffset now, TimeSpan? duration)
    {
        _indefinite = duration is null;
        _until = duration is { } d ? now + d : null;
    }

    public void Resume()
    {
        _indefinite = false;
        _until = null;
    }

    public bool IsSilent(DateTimeOffset now) => _indefinite || (_until is { } until && now < until);
}
