using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Monitoring.Grains.Tests.Support;

/// <summary>Keeps the silos' warnings and errors, so a test can show why a grain misbehaved and assert that none failed.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    public static ConcurrentQueue<string> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, Entries);

    /// <summary>Errors logged by the product's own code (not Orleans' noise), except those about failures a test injected.</summary>
    public static IReadOnlyList<string> ProductErrors() =>
        [.. Entries.Where(e => (e.StartsWith("Error Monitoring.", StringComparison.Ordinal) || e.StartsWith("Critical Monitoring.", StringComparison.Ordinal))
            && !e.Contains(FlakyAuditTrail.Marker, StringComparison.Ordinal) && !e.Contains(SwitchableGrainStorage.Marker, StringComparison.Ordinal))];

    public void Dispose()
    {
    }
}
