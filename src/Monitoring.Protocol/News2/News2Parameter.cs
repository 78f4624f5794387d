namespace Monitoring.Protocol.News2;

/// <summary>The seven physiological parameters of the RCP NEWS2 (2017) chart, in chart order.</summary>
public enum News2Parameter
{
    RespirationRate,
    Spo2,
    SupplementalOxygen,
    Systolic,
    Pulse,
    Consciousness,
    Temperature,
}
