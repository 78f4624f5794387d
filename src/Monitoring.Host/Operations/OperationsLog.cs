namespace Monitoring.Host.Operations;

/// <summary>Log events of the operations metrics (source-generated).</summary>
public static partial class OperationsLog
{
    [LoggerMessage(1500, LogLevel.Warning, "Active-alert gauge: the ward grains could not be counted; the gauge is left empty until they can")]
    public static partial void AlertCensusFailed(this ILogger logger, Exception exception);

    [LoggerMessage(1501, LogLevel.Information, "Active-alert gauge: the ward grains are counted again")]
    public static partial void AlertCensusRecovered(this ILogger logger);
}
