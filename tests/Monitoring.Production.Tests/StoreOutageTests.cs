using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Views;
using Monitoring.Production.Tests.Support;
using Monitoring.Protocol.Alerts;
using Serilog.Core;
using Xunit.Abstractions;

namespace Monitoring.Production.Tests;

/// <summary>
/// Faults: Redis or PostgreSQL briefly unreachable under a production host. Each store stays up; a relay in front of it
/// is severed (connections cut, new ones refused) for some seconds and then restored. Health says so while it lasts;
/// what was acknowledged before is kept; a write during a Redis outage either fails visibly or is really kept; audit
/// entries made while PostgreSQL is away are kept by the grains and land once it is back.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class StoreOutageTests(Stores stores, ITestOutputHelper output)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task Redis_briefly_unreachable_is_reported_a_write_meanwhile_fails_visibly_or_is_kept_and_nothing_acknowledged_is_lost()
    {
        var cluster = ClusterIdentity.New();
        var before = NewPatientId();
        var during = NewPatientId();
        await using var relay = new TcpForwarder(FreePorts.Next(), stores.Redis.Port);
        relay.Open();
        var viaRelay = new Dictionary<string, string>
        {
            ["ConnectionStrings:Redis"] = $"127.0.0.1:{relay.Port},password={stores.Redis.Password},abortConnect=false",
        };

        PatientSnapshot snapshotBefore;
        AlertView alertBefore;
        HttpStatusCode duringStatus;
        HttpStatusCode acknowledgedDuring;
        var events = new CapturedEvents();
        var first = await ProductionHost.StartAsync(
            stores, cluster, Whole(DateTimeOffset.UtcNow), "redis-outage-1", viaRelay, services => services.AddSingleton<ILogEventSink>(events));
        await using (first)
        {
            using var charge = await first.SignIn(TestUsers.Charge);
            await ProductionHost.Admit(charge, before, "B1");
            await ProductionHost.RecordHallucination(charge, before);
            snapshotBefore = await ProductionHost.Patient(charge, before);
            alertBefore = Assert.Single(await ProductionHost.Alerts(charge, before), a => a.RuleId == "HALLUCINATION");

            await relay.SeverAsync();
            var severedAt = DateTime.UtcNow;
            var unready = await Polling.Until(() => Ready(first), r => r.Status == HttpStatusCode.ServiceUnavailable, "health reports Redis unreachable", ProductionHost.Generous);
            output.WriteLine($"health {(DateTime.UtcNow - severedAt).TotalSeconds:0.0} s into the Redis outage: {unready.Body}");
            Assert.True(CheckStatus(unready.Body, "redis") == "Unhealthy", unready.Body);

            // A write while Redis is away: an admission (its state must be written to Redis before it is answered).
            var response = await charge.Http.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), AdmissionRequest.For(during, "B2"));
            duringStatus = response.StatusCode;
            output.WriteLine($"admission during the Redis outage answered {(int)duringStatus}: {await response.Content.ReadAsStringAsync()}");
            Assert.True(
                duringStatus is HttpStatusCode.Created or HttpStatusCode.ServiceUnavailable,
                $"an admission while Redis is away must succeed for real or answer 503, not {(int)duringStatus}");
            if (duringStatus == HttpStatusCode.ServiceUnavailable)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }

            if (duringStatus != HttpStatusCode.Created)
            {
                // A failure is logged with its cause, not only answered.
                var logged = events.Errors();
                output.WriteLine("logged: " + string.Join(" | ", logged.Select(e => $"{e.MessageTemplate.Text} [{e.Exception?.GetType().FullName}: {e.Exception?.GetBaseException().GetType().FullName}]")));
                Assert.Contains(logged, e => e.Exception is not null);
            }

            // An acknowledgement while Redis is away, on a patient whose grain is active: its state write fails, so it
            // must fail visibly and leave nothing behind in the grain's memory (not shown, not refused as done twice).
            var acknowledgement = await charge.Http.PostAsJsonAsync(
                new Uri($"/api/alerts/{Uri.EscapeDataString(alertBefore.Id)}/acknowledge", UriKind.Relative), new { note = "during the Redis outage" });
            acknowledgedDuring = acknowledgement.StatusCode;
            output.WriteLine($"acknowledgement during the Redis outage answered {(int)acknowledgedDuring}: {await acknowledgement.Content.ReadAsStringAsync()}");
            Assert.True(
                acknowledgedDuring is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable,
                $"an acknowledgement while Redis is away must succeed for real or answer 503, not {(int)acknowledgedDuring}");

            var left = Outage - (DateTime.UtcNow - severedAt);
            if (left > TimeSpan.Zero)
            {
                await Task.Delay(left);
            }

            relay.Open();
            await Polling.Until(() => Ready(first), r => r.Status == HttpStatusCode.OK, "ready again once Redis is back", ProductionHost.Generous);

            // A failed admission is simply made again; a successful one is there.
            if (duringStatus != HttpStatusCode.Created)
            {
                var again = await charge.Http.PostAsJsonAsync(new Uri("/api/patients", UriKind.Relative), AdmissionRequest.For(during, "B2"));
                Assert.True(again.IsSuccessStatusCode, $"admission after the outage answered {(int)again.StatusCode}: {await again.Content.ReadAsStringAsync()}");
            }

            Assert.Equal(during, (await ProductionHost.Patient(charge, during)).Id);

            // A failed acknowledgement is not shown as done and is simply made again; either way it is audited once.
            if (acknowledgedDuring != HttpStatusCode.OK)
            {
                var reread = Assert.Single(await ProductionHost.Alerts(charge, before), a => a.Id == alertBefore.Id);
                Assert.Null(reread.AcknowledgedBy);
                Assert.Equal(alertBefore.State, reread.State);
                Assert.Equal(AlertState.Acknowledged, (await ProductionHost.Acknowledge(charge, alertBefore.Id, "after the Redis outage")).State);
            }

            await Polling.Until(
                () => ProductionHost.Audit(charge, before),
                entries => entries.Any(e => e.Action == "alert-acknowledged"),
                "the acknowledgement audited", ProductionHost.Generous);
            Assert.Single(await ProductionHost.Audit(charge, before), e => e.Action == "alert-acknowledged" && e.Details.Contains(alertBefore.Id, StringComparison.Ordinal));
            await first.StopAsync();
        }

        // A new host straight on Redis: what was acknowledged before the outage, and the admission, are all there.
        var second = await ProductionHost.StartAsync(stores, cluster, Whole(DateTimeOffset.UtcNow), "redis-outage-2");
        await using (second)
        {
            using var charge = await second.SignIn(TestUsers.Charge);
            var after = await ProductionHost.Patient(charge, before);
            Assert.Equal((snapshotBefore.PauseProtocol.State, snapshotBefore.PauseProtocol.PausedAt), (after.PauseProtocol.State, after.PauseProtocol.PausedAt));
            var alertAfter = Assert.Single(await ProductionHost.Alerts(charge, before), a => a.RuleId == "HALLUCINATION");
            Assert.Equal((alertBefore.Id, alertBefore.RaisedAt), (alertAfter.Id, alertAfter.RaisedAt));
            Assert.Equal(AlertState.Acknowledged, alertAfter.State);
            Assert.Equal(during, (await ProductionHost.Patient(charge, during)).Id);
            await second.StopAsync();
        }
    }

    [Fact]
    public async Task PostgreSQL_briefly_unreachable_is_reported_and_audit_entries_made_meanwhile_land_after()
    {
        var cluster = ClusterIdentity.New();
        var patient = NewPatientId();
        await using var relay = new TcpForwarder(FreePorts.Next(), stores.Postgres.Port);
        relay.Open();
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings:Audit"] = $"Host=127.0.0.1;Port={relay.Port};Username=postgres;Database=postgres;Timeout=3",
            ["Grains:Patient:AuditRetryInterval"] = "00:00:01",
        };

        await using var host = await ProductionHost.StartAsync(stores, cluster, Whole(DateTimeOffset.UtcNow), "audit-outage", settings);
        using var charge = await host.SignIn(TestUsers.Charge);
        await ProductionHost.Admit(charge, patient, "B1");
        var auditBefore = await Polling.Until(() => ProductionHost.Audit(charge, patient), e => e.Count > 0, "the admission audited", ProductionHost.Generous);

        await relay.SeverAsync();
        var unready = await Polling.Until(() => Ready(host), r => r.Status == HttpStatusCode.ServiceUnavailable, "health reports PostgreSQL unreachable", ProductionHost.Generous);
        output.WriteLine($"health during the PostgreSQL outage: {unready.Body}");
        Assert.True(CheckStatus(unready.Body, "audit") == "Unhealthy", unready.Body);

        // Clinical work goes on while the audit store is away: a hallucination (raises HALLUCINATION, pauses) and its
        // acknowledgement, each audited.
        await ProductionHost.RecordHallucination(charge, patient);
        var alert = Assert.Single(await ProductionHost.Alerts(charge, patient), a => a.RuleId == "HALLUCINATION");
        var acknowledged = await ProductionHost.Acknowledge(charge, alert.Id, "during the audit outage");
        Assert.Equal(AlertState.Acknowledged, acknowledged.State);
        await Task.Delay(Outage);

        relay.Open();
        await Polling.Until(() => Ready(host), r => r.Status == HttpStatusCode.OK, "ready again once PostgreSQL is back", ProductionHost.Generous);

        // The entries kept meanwhile land, with their own times, after the ones before.
        var auditAfter = await Polling.Until(
            async () =>
            {
                await ProductionHost.AdvanceClock(charge, 1); // the retry timer runs on the (virtual) grain clock
                return await ProductionHost.Audit(charge, patient);
            },
            e => e.Any(x => x.Action == "alert-raised" && x.Details.Contains("HALLUCINATION", StringComparison.Ordinal))
                && e.Any(x => x.Action == "alert-acknowledged" && x.Details.Contains(alert.Id, StringComparison.Ordinal)),
            "the raise and the acknowledgement made during the outage in the audit trail", ProductionHost.Generous);
        Assert.Equal(auditBefore, auditAfter.Take(auditBefore.Count));
        var acknowledgement = auditAfter.Single(x => x.Action == "alert-acknowledged");
        Assert.Equal(acknowledged.AcknowledgedAt, acknowledgement.At);
        output.WriteLine($"audit: {auditBefore.Count} entries before the outage, {auditAfter.Count} after it");
    }

    private static async Task<(HttpStatusCode Status, string Body)> Ready(ProductionHost host)
    {
        using var session = host.Anonymous();
        var response = await session.Http.GetAsync(new Uri("/health/ready", UriKind.Relative));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The status of one check in the /health/ready JSON.</summary>
    private static string? CheckStatus(string body, string check) =>
        JsonDocument.Parse(body).RootElement.GetProperty("checks").GetProperty(check).GetProperty("status").GetString();

    private static string NewPatientId() => $"p-{Guid.NewGuid():N}"[..14];

    private static DateTimeOffset Whole(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
