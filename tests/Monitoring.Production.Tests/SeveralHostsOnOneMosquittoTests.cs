using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Views;
using Monitoring.Ingest.Pipeline;
using Monitoring.Production.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.Production.Tests;

/// <summary>
/// Two hosts of one cluster (Redis) on one real Mosquitto (password file, the contract's ACLs), as production runs them:
/// each host takes a plain subscription to every device topic with a persistent session under its own client id, so
/// every message reaches both hosts. The patient grain takes each one once: hundreds of boluses and observations, each
/// delivered twice, each count once on the patient's record, and an alert raised by whichever host applied its message
/// reaches hub clients of both hosts exactly once and is in the audit trail once.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class SeveralHostsOnOneMosquittoTests(Stores stores, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Boluses = 300;
    private const int Observations = 60;
    private const string Pump = "pump-h1";
    private const string Monitor = "monitor-h1";
    private const int VitalsWhileAway = 300; // more than the grain's window of recent seqs (Grains:Patient:DuplicateWindow, 256)
    private const string BolusAcute = "BOLUS_ACUTE";

    // Each small bolus's dose names its seq (seq x 0.0001 mg), so the total says whether any was lost or counted twice;
    // all together stay far below every dose limit of seeds/ketamine-protocol.json.
    private const decimal DoseStepMg = 0.0001m;

    // seeds/ketamine-protocol.json: bolus.acuteLimitMgPerKg 0.35 x 70 kg (ProductionHost.Admit) = 24.5 mg; this is above.
    private const decimal AcuteBolusMg = 25m;

    // The push workers re-read the list of silo observers this often (default 2 s): short, so both silos are known at once.
    // The monitor below sends more than the duplicate window at one instant of a standing virtual clock: a burst the
    // per-device rate limit (100 at once by default) would refuse; duplicates beyond the window are what is tested here.
    private static readonly Dictionary<string, string> Tuning = new()
    {
        ["Grains:Push:ObserverCacheFor"] = "00:00:00.100",
        ["Ingest:FloodBurstPerDevice"] = $"{VitalsWhileAway * 2}",
    };

    private readonly ClusterIdentity _cluster = ClusterIdentity.New();
    private MosquittoBroker _broker = null!;
    private ProductionHost _one = null!;
    private ProductionHost _two = null!;
    private ProductionHost? _twoAgain;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartAsync([Pump, Monitor]);
        var now = DateTimeOffset.UtcNow;
        var clock = new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        _one = await ProductionHost.StartAsync(stores, _cluster, clock, "hosts-1", Settings("hosts-1"));
        _two = await ProductionHost.StartAsync(stores, _cluster, clock, "hosts-2", Settings("hosts-2"));

        // Both silos' push observers are in the (cluster-wide) hub list before anything is raised.
        var hubs = _one.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IHubListGrain>(0);
        await Polling.Until(async () => (await hubs.GetObservers()).Count, n => n == 2, "both silos' push observers in the hub list", ProductionHost.Generous);
        await Task.Delay(TimeSpan.FromMilliseconds(300));
    }

    public async Task DisposeAsync()
    {
        try
        {
            await _two.StopAsync();
            await _one.StopAsync();
            if (_twoAgain is not null)
            {
                await _twoAgain.StopAsync();
            }
        }
        finally
        {
            await _broker.DisposeAsync();
        }
    }

    [Fact]
    public async Task Every_message_reaches_both_hosts_and_takes_effect_once_and_its_alert_reaches_hub_clients_of_both_hosts_once()
    {
        using var chargeOne = await _one.SignIn(TestUsers.Charge);
        using var chargeTwo = await _two.SignIn(TestUsers.Charge);
        var raisedOnOne = new ConcurrentQueue<AlertView>();
        var raisedOnTwo = new ConcurrentQueue<AlertView>();
        await using var hubOne = _one.Hub(chargeOne);
        hubOne.On<AlertView>("alertRaised", raisedOnOne.Enqueue);
        await using var hubTwo = _two.Hub(chargeTwo);
        hubTwo.On<AlertView>("alertRaised", raisedOnTwo.Enqueue);
        foreach (var hub in new[] { hubOne, hubTwo })
        {
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("JoinWard", "ward-a");
        }

        var patient = $"p-{Guid.NewGuid():N}"[..14];
        await ProductionHost.Admit(chargeOne, patient, "B7");
        await PatientDevices.Attach(chargeOne, patient, Pump, monitorId: null);

        using var ingestOne = new MeterTotals(_one, IngestMetrics.MeterName, "topic");
        using var ingestTwo = new MeterTotals(_two, IngestMetrics.MeterName, "topic");
        var clockNow = await ProductionHost.ClockNow(chargeOne);
        await using var pump = await MosquittoDevice.Connect(_broker, Pump, "prod");
        await using var charting = await MosquittoDevice.Connect(_broker, MosquittoBroker.ChartingUser, "prod");
        pump.Clock = charting.Clock = () => clockNow;

        // Hundreds of boluses, each delivered to both hosts by Mosquitto.
        var watch = Stopwatch.StartNew();
        for (var seq = 1; seq <= Boluses; seq++)
        {
            await pump.Bolus(seq, seq * DoseStepMg);
        }

        await BothHostsHandled("bolus", Boluses, ingestOne, ingestTwo);
        output.WriteLine($"{Boluses} boluses published and handled by both hosts in {watch.Elapsed.TotalSeconds:0.0} s");
        var smallTotalMg = DoseStepMg * Boluses * (Boluses + 1) / 2;
        Assert.Equal(smallTotalMg, (await ProductionHost.Patient(chargeTwo, patient)).DeliveredDailyDoseMg);

        // Observations (de-duplicated by observationId), charted by the charting app, delivered to both hosts.
        var observationIds = Enumerable.Range(1, Observations).Select(i => $"obs-{patient}-{i:000}").ToList();
        for (var i = 0; i < Observations; i++)
        {
            await charting.Observation(patient, observationIds[i], "pain", i % 11); // NRS 0-10 (interfaces.md)
        }

        await BothHostsHandled("observations", Observations, ingestOne, ingestTwo);
        var onRecord = await _two.Factory.Services.GetRequiredService<IGrainFactory>().GetGrain<IPatientGrain>(patient).GetObservations();
        Assert.Equal(observationIds, onRecord.Select(o => o.ObservationId).Order(StringComparer.Ordinal));

        // One bolus above the acute limit: one BOLUS_ACUTE, raised by whichever host applied it first.
        await pump.Bolus(Boluses + 1, AcuteBolusMg);
        await BothHostsHandled("bolus", Boluses + 1, ingestOne, ingestTwo);
        var raised = await Polling.Until(
            () => (One: Raised(raisedOnOne, patient), Two: Raised(raisedOnTwo, patient)),
            r => r.One.Count >= 1 && r.Two.Count >= 1,
            "BOLUS_ACUTE on the hub clients of both hosts", ProductionHost.Generous);
        Assert.Equal(raised.One.Single().Id, raised.Two.Single().Id);
        foreach (var (name, ingest) in new[] { ("host 1", ingestOne), ("host 2", ingestTwo) })
        {
            output.WriteLine($"{name}: boluses applied {ingest.Total("monitoring.ingest.applied", "bolus")}, duplicate {ingest.Total("monitoring.ingest.duplicates", "bolus")}, late {ingest.Total("monitoring.ingest.late", "bolus")}");
        }

        var snapshot = await ProductionHost.Patient(chargeOne, patient);
        Assert.Equal(smallTotalMg + AcuteBolusMg, snapshot.DeliveredDailyDoseMg);
        Assert.Single(await ProductionHost.Alerts(chargeOne, patient), a => a.RuleId == BolusAcute);
        var audit = await Polling.Until(
            () => ProductionHost.Audit(chargeTwo, patient),
            entries => entries.Any(e => IsRaised(e, BolusAcute)),
            "BOLUS_ACUTE raised in the audit trail", ProductionHost.Generous);
        Assert.Single(audit, e => IsRaised(e, BolusAcute));

        // Nothing more arrives later: another push after the alert's is seen by both clients, and still one raise each.
        await charting.Observation(patient, $"obs-{patient}-hallucination", "hallucination", value: null);
        await Polling.Until(
            () => raisedOnOne.Any(a => a.PatientId == patient && a.RuleId == "HALLUCINATION") && raisedOnTwo.Any(a => a.PatientId == patient && a.RuleId == "HALLUCINATION"),
            seen => seen,
            "HALLUCINATION on the hub clients of both hosts", ProductionHost.Generous);
        Assert.Single(Raised(raisedOnOne, patient));
        Assert.Single(Raised(raisedOnTwo, patient));
        Assert.Single(raisedOnOne, a => a.PatientId == patient && a.RuleId == "HALLUCINATION");
        Assert.Single(raisedOnTwo, a => a.PatientId == patient && a.RuleId == "HALLUCINATION");
    }

    [Fact]
    public async Task A_host_that_comes_back_passes_on_its_queued_messages_and_the_grain_finds_each_a_duplicate()
    {
        using var charge = await _one.SignIn(TestUsers.Charge);
        var patient = $"p-{Guid.NewGuid():N}"[..14];
        await ProductionHost.Admit(charge, patient, "B9");
        await PatientDevices.Attach(charge, patient, pumpId: null, Monitor);
        var clockNow = await ProductionHost.ClockNow(charge);
        await using var monitor = await MosquittoDevice.Connect(_broker, Monitor, "prod");
        monitor.Clock = () => clockNow;

        // Host 2 stops; Mosquitto keeps its persistent session and queues every message for it meanwhile.
        await _two.StopAsync();
        var oneScope = _one.Factory.Services.GetRequiredService<IMeterFactory>();
        using var ingestOne = new MeterTotals(_one, IngestMetrics.MeterName, "topic");
        using var ingestTwoAgain = new MeterTotals(IngestMetrics.MeterName, "topic", scope => scope is not null && !ReferenceEquals(scope, oneScope));
        for (var seq = 1; seq <= VitalsWhileAway; seq++)
        {
            await monitor.Vitals(seq, heartRate: 60 + (seq % 40), spo2: 97, respRate: 14);
        }

        await Polling.Until(
            () => ingestOne.Total("monitoring.ingest.applied", "vitals"),
            n => n == VitalsWhileAway,
            $"host 1 applied {VitalsWhileAway} vitals", ProductionHost.Generous);

        // Host 2 comes back under the same client id: it gets the queued copies, all of which the grain already applied.
        _twoAgain = await ProductionHost.StartAsync(stores, _cluster, clockNow, "hosts-2", Settings("hosts-2"));
        await Polling.Until(
            () => ingestTwoAgain.Total("monitoring.ingest.received", "vitals"),
            n => n >= VitalsWhileAway,
            $"the {VitalsWhileAway} queued vitals delivered to the host that came back", ProductionHost.Generous);
        await Polling.Until(
            () => ingestTwoAgain.Total("monitoring.ingest.duplicates", "vitals") + ingestTwoAgain.Total("monitoring.ingest.late", "vitals"),
            n => n >= VitalsWhileAway,
            "the queued vitals handled", ProductionHost.Generous);
        output.WriteLine($"host 2 back: received {ingestTwoAgain.Total("monitoring.ingest.received", "vitals")}, duplicate {ingestTwoAgain.Total("monitoring.ingest.duplicates", "vitals")}, late {ingestTwoAgain.Total("monitoring.ingest.late", "vitals")}, applied {ingestTwoAgain.Total("monitoring.ingest.applied", "vitals")}");
        Assert.Equal(VitalsWhileAway, ingestTwoAgain.Total("monitoring.ingest.received", "vitals"));
        Assert.Equal(VitalsWhileAway, ingestTwoAgain.Total("monitoring.ingest.duplicates", "vitals"));
        Assert.Equal(0, ingestTwoAgain.Total("monitoring.ingest.late", "vitals")); // none charted a second time
        Assert.Equal(0, ingestTwoAgain.Total("monitoring.ingest.applied", "vitals"));
        using var chargeTwo = await _twoAgain.SignIn(TestUsers.Charge);
        Assert.Equal($"{60 + (VitalsWhileAway % 40)}", (await ProductionHost.Patient(chargeTwo, patient)).Vitals.HeartRate!.Value);
    }

    private static List<AlertView> Raised(ConcurrentQueue<AlertView> raised, string patient) =>
        [.. raised.Where(a => a.PatientId == patient && a.RuleId == BolusAcute)];

    private static bool IsRaised(AuditEntry entry, string ruleId) =>
        entry.Action == "alert-raised" && entry.Details.Contains(ruleId, StringComparison.Ordinal);

    /// <summary>
    /// Each host received every one of <paramref name="count"/> messages on the topic, and the grain applied each exactly
    /// once in all: the other delivery was answered duplicate (or late, if that host lagged more than the grain's
    /// de-duplication window behind; history only, no effect).
    /// </summary>
    private static async Task BothHostsHandled(string topic, int count, MeterTotals one, MeterTotals two)
    {
        long Outcomes(MeterTotals host) =>
            host.Total("monitoring.ingest.applied", topic) + host.Total("monitoring.ingest.duplicates", topic) + host.Total("monitoring.ingest.late", topic);

        await Polling.Until(
            () => (Received: (One: one.Total("monitoring.ingest.received", topic), Two: two.Total("monitoring.ingest.received", topic)), Outcomes: Outcomes(one) + Outcomes(two)),
            t => t.Received.One >= count && t.Received.Two >= count && t.Outcomes >= 2 * count,
            $"both hosts received and handled {count} {topic} message(s)", ProductionHost.Generous);
        Assert.Equal(count, one.Total("monitoring.ingest.received", topic));
        Assert.Equal(count, two.Total("monitoring.ingest.received", topic));
        Assert.Equal(count, one.Total("monitoring.ingest.applied", topic) + two.Total("monitoring.ingest.applied", topic));
        Assert.Equal(
            count,
            one.Total("monitoring.ingest.duplicates", topic) + two.Total("monitoring.ingest.duplicates", topic)
            + one.Total("monitoring.ingest.late", topic) + two.Total("monitoring.ingest.late", topic));
    }

    private Dictionary<string, string> Settings(string silo)
    {
        var settings = MosquittoHostSettings.For(_broker, $"monitoring-{silo}-{_cluster.ClusterId}");
        foreach (var (key, value) in Tuning)
        {
            settings[key] = value;
        }

        return settings;
    }
}
