namespace Monitoring.Host.Hubs;

/// <summary>Whether this silo's push observer has been registered at least once (part of readiness).</summary>
public sealed class PushPathState
{
    private volatile bool _registered;

    public bool Registered => _registered;

    public void MarkRegistered() => _registered = true;
}
