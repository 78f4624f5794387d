namespace Monitoring.Protocol.Rules;

/// <summary>Clinical and technical alarm conditions are kept apart (IEC 60601-1-8).</summary>
public enum AlertKind
{
    Clinical = 1,
    Technical = 2,
}
