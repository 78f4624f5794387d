using Microsoft.Extensions.Logging;
using Monitoring.Application.Ports;

namespace Monitoring.Application.Handling;

/// <summary>What every use case needs: the grains, the wards the caller may see, the store's failures, the clock and logging.</summary>
public sealed record UseCaseServices(
    IGrainFactory Grains,
    IWardAccess Wards,
    IStoreFailures Store,
    TimeProvider Clock,
    ILoggerFactory Loggers);
