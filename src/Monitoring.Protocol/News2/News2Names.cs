namespace Monitoring.Protocol.News2;

/// <summary>How a NEWS2 parameter is named in alert text.</summary>
internal static class News2Names
{
    public static string Of(News2Parameter parameter) => parameter switch
    {
        News2Parameter.RespirationRate => "respiration rate",
        News2Parameter.Spo2 => "SpO2",
        News2Parameter.SupplementalOxygen => "air or oxygen",
        News2Parameter.Systolic => "systolic BP",
        News2Parameter.Pulse => "pulse",
        News2Parameter.Consciousness => "consciousness",
        News2Parameter.Temperature => "temperature",
        _ => parameter.ToString(),
    };
}
