using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Simulators.Devices;
using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.Tests;

public sealed class SimulatedPumpTests
{
    private static readonly DateTimeOffset Start = new(2025, 3, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly RecordingPublisher _published = new();

    private SimulatedPump NewPump(decimal? syringe = null, TimeSpan? skew = null) => new(
        new PumpSettings { PumpId = "pump-7", ConcentrationMgPerMl = 1m, RateStepMlPerHour = 0.1m, SyringeVolumeMl = syringe, ClockSkew = skew ?? TimeSpan.Zero },
        _published,
        _time);

    private IReadOnlyList<JsonObject> Statuses => _published.On(Topics.PumpStatus("pump-7"));

    [Fact]
    public async Task Reports_every_interval_and_at_once_on_change()
    {
        var pump = NewPump();
        await pump.TickAsync(default);
        Assert.Single(Statuses);

        _time.Advance(TimeSpan.FromSeconds(2));
        await pump.TickAsync(default);
        Assert.Single(Statuses); // nothing due, nothing changed

        pump.Run(7m);
        await pump.TickAsync(default);
        Assert.Equal(2, Statuses.Count);
        Assert.Equal("running", (string?)Statuses[^1]["state"]);

        _time.Advance(TimeSpan.FromSeconds(5));
        await pump.TickAsync(default);
        Assert.Equal(3, Statuses.Count);
    }

    [Fact]
    public async Task Carries_the_contract_fields_with_increasing_seq_and_a_stable_boot_id()
    {
        var pump = NewPump();
        pump.Run(7m);
        for (var i = 0; i < 4; i++)
        {
            await pump.TickAsync(default);
            _time.Advance(TimeSpan.FromSeconds(5));
        }

        var statuses = Statuses;
        Assert.Equal([1L, 2L, 3L, 4L], statuses.Select(s => (long)s["seq"]!));
        Assert.Single(statuses.Select(s => (string?)s["bootId"]).Distinct());
        var first = statuses[0];
        Assert.Equal(1, (int)first["schemaVersion"]!);
        Assert.Equal("ketamine", (string?)first["drug"]);
        Assert.Equal(0.1m, (decimal)first["rateStepMlPerHour"]!);
        Assert.True(first.ContainsKey("alarm") && first["alarm"] is null, "alarm is written as null, not left out");
        Assert.True(first.ContainsKey("lastCommandId") && first["lastCommandResult"] is null);
        Assert.EndsWith("Z", (string?)first["ts"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_reboot_changes_the_boot_id_and_restarts_seq()
    {
        var pump = NewPump();
        pump.Run(7m);
        await pump.TickAsync(default);
        _time.Advance(TimeSpan.FromSeconds(5));
        await pump.TickAsync(default);
        var before = pump.BootId;

        pump.Reboot();
        await pump.TickAsync(default);

        var last = Statuses[^1];
        Assert.NotEqual(before, (string?)last["bootId"]);
        Assert.Equal(1L, (long)last["seq"]!);
        Assert.Equal("running", (string?)last["state"]);
    }

    [Fact]
    public async Task Volume_integrates_while_running_only_and_a_new_pump_starts_at_zero()
    {
        var pump = NewPump();
        pump.Run(6m);
        _time.Advance(TimeSpan.FromMinutes(30));
        pump.Pause();
        _time.Advance(TimeSpan.FromMinutes(30));
        await pump.TickAsync(default);

        Assert.Equal(3m, pump.VolumeInfusedMl);
        Assert.Equal(0m, NewPump().VolumeInfusedMl);
    }

    [Fact]
    public async Task An_empty_syringe_raises_its_own_alarm()
    {
        var pump = NewPump(syringe: 1m);
        pump.Run(6m);
        _time.Advance(TimeSpan.FromMinutes(11));
        await pump.TickAsync(default);

        Assert.Equal(PumpStates.Alarm, pump.State);
        Assert.Equal(PumpAlarms.Empty, (string?)Statuses[^1]["alarm"]);
        Assert.Equal(1m, pump.VolumeInfusedMl);
    }

    [Fact]
    public async Task Raised_alarms_are_reported_and_cleared_to_paused()
    {
        var pump = NewPump();
        pump.Run(7m);
        pump.RaiseAlarm(PumpAlarms.Occlusion);
        await pump.TickAsync(default);
        Assert.Equal(("alarm", "occlusion"), ((string?)Statuses[^1]["state"], (string?)Statuses[^1]["alarm"]));

        pump.ClearAlarm();
        await pump.TickAsync(default);
        Assert.Equal("paused", (string?)Statuses[^1]["state"]);
        Assert.Throws<ArgumentException>(() => pump.RaiseAlarm("smoke"));
    }

    [Fact]
    public async Task A_weight_based_regimen_sets_the_rate_rounded_down_to_the_step()
    {
        var pump = NewPump();
        pump.Follow(new WeightBasedRegimen(WeightKg: 73m, DoseMgPerKgPerHour: 0.1m));
        await pump.TickAsync(default);

        Assert.Equal(7.3m, (decimal)Statuses[^1]["rateMlPerHour"]!);
    }

    [Fact]
    public async Task A_gradual_regimen_steps_up_on_schedule_until_its_target()
    {
        var pump = NewPump();
        pump.Follow(new GradualTitrationRegimen(10m, 10m, TimeSpan.FromHours(4), 30m));
        await pump.TickAsync(default);
        Assert.Equal(0.4m, pump.RateMlPerHour);

        _time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));
        await pump.TickAsync(default);
        Assert.Equal(0.4m, pump.RateMlPerHour);

        _time.Advance(TimeSpan.FromSeconds(1));
        await pump.TickAsync(default);
        Assert.Equal(0.8m, pump.RateMlPerHour);

        _time.Advance(TimeSpan.FromHours(8));
        await pump.TickAsync(default);
        Assert.Equal(1.2m, pump.RateMlPerHour); // 30 mg/day is the target: no further step
    }

    [Fact]
    public async Task Pause_and_setRate_commands_are_obeyed_and_confirmed_in_the_next_status()
    {
        var pump = NewPump();
        pump.Run(70m);
        await pump.TickAsync(default);

        await pump.OnCommandAsync(Command("c-1", "setRate", 7m, Start.AddSeconds(10)), default);
        Assert.Equal(7m, pump.RateMlPerHour);
        Assert.Equal(("c-1", "done"), ((string?)Statuses[^1]["lastCommandId"], (string?)Statuses[^1]["lastCommandResult"]));
        Assert.Equal(7m, (decimal)Statuses[^1]["rateMlPerHour"]!);

        await pump.OnCommandAsync(Command("c-2", "pause", null, Start.AddSeconds(10)), default);
        Assert.Equal(("paused", "c-2", "done"), ((string?)Statuses[^1]["state"], (string?)Statuses[^1]["lastCommandId"], (string?)Statuses[^1]["lastCommandResult"]));
        Assert.Equal(2, pump.Commands.Count);
    }

    [Fact]
    public async Task An_expired_command_is_ignored_and_answered_expired()
    {
        var pump = NewPump();
        pump.Run(70m);
        _time.Advance(TimeSpan.FromSeconds(30));

        await pump.OnCommandAsync(Command("c-old", "pause", null, Start.AddSeconds(10)), default);

        Assert.Equal(PumpStates.Running, pump.State);
        Assert.Equal(("c-old", "expired"), ((string?)Statuses[^1]["lastCommandId"], (string?)Statuses[^1]["lastCommandResult"]));
    }

    [Fact]
    public async Task A_rate_off_the_pump_step_or_an_unknown_command_is_rejected()
    {
        var pump = NewPump();
        pump.Run(70m);

        await pump.OnCommandAsync(Command("c-3", "setRate", 7.05m, Start.AddSeconds(10)), default);
        Assert.Equal(("c-3", "rejected"), ((string?)Statuses[^1]["lastCommandId"], (string?)Statuses[^1]["lastCommandResult"]));
        Assert.Equal(70m, pump.RateMlPerHour);

        await pump.OnCommandAsync(Command("c-4", "explode", null, Start.AddSeconds(10)), default);
        Assert.Equal("rejected", (string?)Statuses[^1]["lastCommandResult"]);
    }

    [Fact]
    public async Task A_pump_told_to_ignore_commands_never_answers()
    {
        var pump = NewPump();
        pump.CommandBehaviour = PumpCommandBehaviour.Ignore;
        pump.Run(70m);
        await pump.TickAsync(default);
        var count = Statuses.Count;

        await pump.OnCommandAsync(Command("c-5", "pause", null, Start.AddSeconds(10)), default);

        Assert.Equal(count, Statuses.Count);
        Assert.Null(pump.Commands.Single().Result);
        Assert.Equal(PumpStates.Running, pump.State);
    }

    [Fact]
    public async Task Boluses_go_out_on_the_bolus_topic_with_their_own_seq()
    {
        var pump = NewPump();
        await pump.DeliverBolusAsync(35m, "test", default);
        await pump.DeliverBolusAsync(20m, "acute", default);

        var boluses = _published.On(Topics.PumpBolus("pump-7"));
        Assert.Equal([1L, 2L], boluses.Select(b => (long)b["seq"]!));
        Assert.Equal(("test", 35m), ((string?)boluses[0]["kind"], (decimal)boluses[0]["doseMg"]!));
    }

    [Fact]
    public async Task A_skewed_clock_shows_in_ts_but_not_in_the_schedule()
    {
        var pump = NewPump(skew: TimeSpan.FromMinutes(5));
        await pump.TickAsync(default);

        Assert.Equal(Start.AddMinutes(5), DateTimeOffset.Parse((string)Statuses[0]["ts"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_silent_pump_publishes_nothing_then_reports_on_resume()
    {
        var pump = NewPump();
        pump.Run(7m);
        await pump.TickAsync(default);
        pump.SilenceFor(TimeSpan.FromSeconds(30));
        for (var i = 0; i < 5; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(5));
            await pump.TickAsync(default);
        }

        Assert.Single(Statuses);
        _time.Advance(TimeSpan.FromSeconds(10));
        await pump.TickAsync(default);
        Assert.Equal(2, Statuses.Count);
        Assert.Equal(2L, (long)Statuses[^1]["seq"]!); // no seq was spent while silent
    }

    private static byte[] Command(string id, string command, decimal? rate, DateTimeOffset expiresAt) =>
        WireFormat.Serialize(new PumpCommandMessage(id, command, rate, "p-1", "CEILING", expiresAt.AddSeconds(-10), expiresAt));
}
