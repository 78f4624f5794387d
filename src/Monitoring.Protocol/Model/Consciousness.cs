namespace Monitoring.Protocol.Model;

/// <summary>ACVPU: Alert, new Confusion, responds to Voice, to Pain, Unresponsive.</summary>
public enum Consciousness
{
    A,
    C,
    V,
    P,
    U,
}
