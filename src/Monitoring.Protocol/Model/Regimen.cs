namespace Monitoring.Protocol.Model;

/// <summary>Weight-based (the usual 0.06-0.12 mg/kg/h range) or gradual titration from 10 mg/day.</summary>
public enum Regimen
{
    WeightBased,
    Gradual,
}
