namespace Monitoring.Protocol.Rules;

/// <summary>IEC 60601-1-8 alarm priorities, lowest first so they compare by urgency.</summary>
public enum AlertPriority
{
    Low = 1,
    Medium = 2,
    High = 3,
}
