using Monitoring.Contracts.Grains;
using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;

namespace Monitoring.Grains.Tests.Support;

/// <summary>
/// Drives one patient through the grains as ingest and REST would: device messages go through the device grain,
/// stamped with the fake clock; the clock moves only when told. Defaults: 70 kg, 1 mg/mL, weight-based, eligible.
/// With 70 kg at 1 mg/mL the 0.5 mg/kg/h ceiling is exactly 35 mL/h.
/// </summary>
public sealed class Bed
{
    private readonly IGrainFactory _grains;
    private readonly Dictionary<(string Device, string Topic), long> _seq = [];
    private int _observations;

    public Bed(ClusterFixture fixture, string wardId = TestEnvironment.Ward)
    {
        _grains = fixture.Grains;
        var id = Guid.NewGuid().ToString("N")[..10];
        PatientId = $"pt-{id}";
        PumpId = $"pump-{id}";
        MonitorId = $"mon-{id}";
        WardId = wardId;
    }

    public string PatientId { get; }

    public string PumpId { get; }

    public string MonitorId { get; }

    public string WardId { get; }

    public IPatientGrain Patient => _grains.GetGrain<IPatientGrain>(PatientId);

    public static DateTimeOffset Now => TestEnvironment.Clock.GetUtcNow();

    public Admission Admission(decimal? weightKg = 70m, decimal? concentrationMgPerMl = 1m, string regimen = "weight-based") => new()
    {
        Id = PatientId,
        Mrn = $"MRN-{PatientId}",
        DisplayName = "Test Patient",
        WardId = WardId,
        BedId = "B1",
        WeightKg = weightKg,
        // Measured today: an old weight raises WEIGHT_REVIEW, which only the tests of that rule want.
        WeightMeasuredOn = DateOnly.FromDateTime(Now.UtcDateTime),
        Regimen = regimen,
        ConcentrationMgPerMl = concentrationMgPerMl,
        Eligibility = new EligibilityDto { OpioidsOptimised = true, AdjuvantsFailed = true, CentralSensitisation = true },
        BaselinePain = 7m,
    };

    public Task<GrainResult> Admit(Admission? admission = null) => Patient.Admit(admission ?? Admission(), "charge");

    public async Task<Bed> Admitted(bool pump = true, bool monitor = false)
    {
        Assert.True((await Admit()).Succeeded);
        if (pump)
        {
            Assert.True((await AssociatePump()).Succeeded);
        }

        if (monitor)
        {
            Assert.True((await Device(MonitorId).Associate(PatientId, WardId, DeviceType.Monitor, "charge")).Succeeded);
        }

        return this;
    }

    public IDeviceGrain Device(string deviceId) => _grains.GetGrain<IDeviceGrain>(deviceId);

    public Task<GrainResult> AssociatePump(string? pumpId = null) => Device(pumpId ?? PumpId).Associate(PatientId, WardId, DeviceType.Pump, "charge");

    public Task<ApplyOutcome> Pump(PumpState state, decimal rateMlPerHour, decimal? concentrationMgPerMl = 1m, string? lastCommandId = null,
        CommandResult? lastCommandResult = null, string bootId = "boot-1", long? seq = null, string? pumpId = null)
    {
        var device = pumpId ?? PumpId;
        var meta = Meta(device, "status", bootId, seq);
        var reading = new PumpStatusReading(device, state, rateMlPerHour, 0.1m, concentrationMgPerMl, 0m, null, lastCommandId, lastCommandResult, Now, Now);
        return Device(device).Route(new PumpStatusMessage(meta, reading));
    }

    public Task<ApplyOutcome> Running(decimal rateMlPerHour, string? lastCommandId = null, CommandResult? lastCommandResult = null) =>
        Pump(PumpState.Running, rateMlPerHour, lastCommandId: lastCommandId, lastCommandResult: lastCommandResult);

    public Task<ApplyOutcome> Bolus(decimal doseMg, BolusKind kind = BolusKind.Acute, long? seq = null) =>
        Device(PumpId).Route(new BolusMessage(Meta(PumpId, "bolus", "boot-1", seq), new BolusReading(PumpId, doseMg, kind, Now, Now)));

    public Task<ApplyOutcome> Vitals(decimal? hr = 72m, decimal? spo2 = 97m, decimal? rr = 16m, decimal? systolic = 125m) =>
        Device(MonitorId).Route(new VitalsMessage(Meta(MonitorId, "vitals", "boot-1", null),
            new VitalsReading(MonitorId, hr, spo2, rr, systolic, 75m, 37m, Rhythm.Sinus, Now, Now)));

    public Task<ApplyOutcome> Observe(ObservationKind kind, decimal? number = null, string? observationId = null) =>
        Patient.RecordObservation(new ObservationMessage(PatientId, "chart-app",
            new ObservationReading(observationId ?? $"{PatientId}-obs-{++_observations}", kind, number, null, null, "nurse", Now)));

    /// <summary>Moves the fake clock, then waits until the patient has handled whatever the move fired.</summary>
    public async Task Advance(TimeSpan by)
    {
        TestEnvironment.Clock.Advance(by);

        // The timer's tick was queued on the activation during Advance: a call made now runs after it.
        await Patient.GetSnapshot();
    }

    /// <summary>Moves the clock in steps, the pump reporting the same status at each (so its comms hold).</summary>
    public async Task Hold(TimeSpan total, PumpState state, decimal rateMlPerHour, TimeSpan? step = null)
    {
        var by = step ?? TimeSpan.FromSeconds(5);
        for (var elapsed = TimeSpan.Zero; elapsed < total; elapsed += by)
        {
            await Advance(by);
            await Pump(state, rateMlPerHour);
        }
    }

    public async Task<IReadOnlyList<AlertView>> Alerts() => await Patient.GetAlerts(includeResolved: false);

    public async Task<AlertView?> Alert(string ruleId) => (await Patient.GetAlerts(includeResolved: true)).LastOrDefault(a => a.RuleId == ruleId);

    public async Task<AlertView> OpenAlert(string ruleId) =>
        (await Alerts()).SingleOrDefault(a => a.RuleId == ruleId) ?? throw new Xunit.Sdk.XunitException($"no open {ruleId} alert");

    public async Task<PatientSnapshot> Snapshot() => await Patient.GetSnapshot() ?? throw new Xunit.Sdk.XunitException("no snapshot");

    public IReadOnlyList<PumpCommand> Commands => TestEnvironment.Commands.For(PatientId);

    public IReadOnlyList<AlertView> Outbound => TestEnvironment.Outbound.ForPatient(PatientId);

    public async Task<IReadOnlyList<AuditEntry>> Audit() => await TestEnvironment.Audit.QueryAsync(PatientId, null, null);

    private DeviceMessageMeta Meta(string deviceId, string topic, string bootId, long? seq)
    {
        var key = (deviceId, topic);
        var next = seq ?? (_seq.TryGetValue(key, out var last) ? last + 1 : 1);
        _seq[key] = Math.Max(next, _seq.GetValueOrDefault(key));
        return new DeviceMessageMeta(deviceId, topic, bootId, next, Now, Now);
    }
}
