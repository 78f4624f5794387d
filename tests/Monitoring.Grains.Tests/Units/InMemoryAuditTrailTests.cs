using Monitoring.Contracts.Views;
using Monitoring.Grains.Audit;

namespace Monitoring.Grains.Tests.Units;

public sealed class InMemoryAuditTrailTests
{
    [Fact]
    public async Task Entries_are_filtered_by_patient_and_time_and_returned_oldest_first()
    {
        var trail = new InMemoryAuditTrail();
        var t0 = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        await trail.AppendAsync(new AuditEntry(t0.AddMinutes(2), "system", "b", "p1", ""));
        await trail.AppendAsync(new AuditEntry(t0, "system", "a", "p1", ""));
        await trail.AppendAsync(new AuditEntry(t0.AddMinutes(1), "system", "x", "p2", ""));
        await trail.AppendAsync(new AuditEntry(t0.AddMinutes(5), "system", "c", "p1", ""));

        var entries = await trail.QueryAsync("p1", t0, t0.AddMinutes(2));

        Assert.Equal(["a", "b"], entries.Select(e => e.Action));
        Assert.False(trail.IsDurable);
        Assert.Equal(4, (await trail.QueryAsync(null, null, null)).Count);
    }

    [Fact]
    public async Task An_entry_appended_again_with_its_key_is_kept_once_and_entries_without_a_key_every_time()
    {
        var trail = new InMemoryAuditTrail();
        var t0 = new DateTimeOffset(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);
        var keyed = new AuditEntry(t0, "nurse", "alert-acknowledged", "p1", "p:p1:1", "w1", "patient/p1/1");
        var unkeyed = new AuditEntry(t0, "system", "alert-raised", "p1", "p:p1:1", "w1");

        await trail.AppendAsync(keyed);
        await trail.AppendAsync(keyed);
        await trail.AppendAsync(keyed with { Details = "appended again after a crash" });
        await trail.AppendAsync(unkeyed);
        await trail.AppendAsync(unkeyed);
        await trail.AppendAsync(keyed with { Key = "patient/p1/2" });

        var entries = await trail.QueryAsync("p1", null, null);

        Assert.Equal(["patient/p1/1", null, null, "patient/p1/2"], entries.Select(e => e.Key));
        Assert.Equal("p:p1:1", entries[0].Details);
    }
}
