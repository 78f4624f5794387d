using Monitoring.Contracts.Views;

namespace Monitoring.Grains.Tests.Support;

/// <summary>The audit trail's entries of a ward's own (those without a patient).</summary>
public static class WardAuditEntries
{
    public static async Task<IReadOnlyList<AuditEntry>> Of(string wardId) =>
        [.. (await TestEnvironment.Audit.QueryAsync(null, null, null)).Where(e => e.WardId == wardId && e.PatientId is null)];
}
