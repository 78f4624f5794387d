using System.Text;
using Monitoring.Contracts.Messages;
using Monitoring.Ingest.Parsing;
using Monitoring.Ingest.Tests.Support;
using Monitoring.Ingest.Topics;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Model;

namespace Monitoring.Ingest.Tests.Parsing;

/// <summary>Valid messages of each topic, and the alarming-but-possible values that must reach the rules.</summary>
public class PayloadParserValidTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2025, 3, 1, 10, 0, 1, TimeSpan.Zero);

    private static readonly PayloadParser Parser = new(TestParameters.Protocol);

    [Fact]
    public void A_pump_status_is_read_whole()
    {
        var message = Device<PumpStatusMessage>("devices/pumps/pump-1/status", JsonPayload.Status
            .With("state", "\"alarm\"").With("alarm", "\"air-in-line\"").With("lastCommandId", "\"cmd-9\"").With("lastCommandResult", "\"done\""));

        Assert.Equal(new DeviceMessageMeta("pump-1", "status", "boot-1", 7, new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), ReceivedAt), message.Meta);
        var r = message.Reading;
        Assert.Equal("pump-1", r.PumpId);
        Assert.Equal(PumpState.Alarm, r.State);
        Assert.Equal(7.0m, r.RateMlPerHour);
        Assert.Equal(0.1m, r.RateStepMlPerHour);
        Assert.Equal(1m, r.ConcentrationMgPerMl);
        Assert.Equal(12.5m, r.VolumeInfusedMl);
        Assert.Equal(PumpAlarm.AirInLine, r.Alarm);
        Assert.Equal("cmd-9", r.LastCommandId);
        Assert.Equal(CommandResult.Done, r.LastCommandResult);
        Assert.Equal(message.Meta.DeviceTs, r.DeviceTs);
        Assert.Equal(ReceivedAt, r.ReceivedAt);
    }

    [Fact]
    public void Decimals_are_exact_as_sent()
    {
        // 0.1 + 0.2 style values would not survive a trip through double.
        var message = Device<PumpStatusMessage>("devices/pumps/pump-1/status", JsonPayload.Status
            .With("rateMlPerHour", "35.000000000000000000001").With("concentrationMgPerMl", "0.3"));

        Assert.Equal(35.000000000000000000001m, message.Reading.RateMlPerHour);
        Assert.Equal(0.3m, message.Reading.ConcentrationMgPerMl);
    }

    [Fact]
    public void The_rate_step_defaults_to_the_protocol_files_value_when_absent_or_null()
    {
        var absent = Device<PumpStatusMessage>("devices/pumps/pump-1/status", JsonPayload.Status.Without("rateStepMlPerHour"));
        var nulled = Device<PumpStatusMessage>("devices/pumps/pump-1/status", JsonPayload.Status.With("rateStepMlPerHour", "null"));

        Assert.Equal(TestParameters.Protocol.DeviceLimits.DefaultRateStepMlPerHour, absent.Reading.RateStepMlPerHour);
        Assert.Equal(TestParameters.Protocol.DeviceLimits.DefaultRateStepMlPerHour, nulled.Reading.RateStepMlPerHour);
    }

    [Fact]
    public void The_optional_pump_fields_may_be_absent()
    {
        var message = Device<PumpStatusMessage>("devices/pumps/pump-1/status", JsonPayload.Status
            .Without("concentrationMgPerMl").Without("drug").Without("alarm").Without("lastCommandId").Without("lastCommandResult"));

        Assert.Null(message.Reading.ConcentrationMgPerMl);
        Assert.Null(message.Reading.Alarm);
        Assert.Null(message.Reading.LastCommandId);
        Assert.Null(message.Reading.LastCommandResult);
    }

    [Theory]
    [InlineData("300")]
    [InlineData("1200")]
    [InlineData("0")]
    public void An_alarming_but_possible_rate_is_evaluated_not_refused(string rate)
    {
        var message = Device<PumpStatusMessage>("devices/pumps/pump-1/status", JsonPayload.Status.With("rateMlPerHour", rate));

        Assert.Equal(decimal.Parse(rate, System.Globalization.CultureInfo.InvariantCulture), message.Reading.RateMlPerHour);
    }

    [Fact]
    public void The_topic_names_the_pump_and_a_pump_id_in_the_payload_is_ignored()
    {
        var message = Device<PumpStatusMessage>("devices/pumps/pump-1/status", JsonPayload.Status.With("pumpId", "\"pump-2\""));

        Assert.Equal("pump-1", message.Meta.DeviceId);
        Assert.Equal("pump-1", message.Reading.PumpId);
    }

    [Theory]
    [InlineData("RUNNING", PumpState.Running)]
    [InlineData("Paused", PumpState.Paused)]
    [InlineData("stopped", PumpState.Stopped)]
    [InlineData("bolus", PumpState.Bolus)]
    public void Enum_values_are_read_case_insensitively(string state, PumpState expected)
    {
        var message = Device<PumpStatusMessage>("devices/pumps/pump-1/status", JsonPayload.Status.With("state", $"\"{state}\""));

        Assert.Equal(expected, message.Reading.State);
    }

    [Theory]
    [InlineData("2025-03-01T11:00:00+01:00")]
    [InlineData("2025-03-01T05:00:00.000-05:00")]
    [InlineData("2025-03-01T10:00:00.1234567Z")]
    [InlineData("2025-03-01T10:00Z")]
    public void Times_with_Z_or_an_offset_are_read(string ts)
    {
        var message = Device<PumpStatusMessage>("devices/pumps/pump-1/status", JsonPayload.Status.With("ts", $"\"{ts}\""));

        Assert.Equal(new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), message.Meta.DeviceTs.AddTicks(-(message.Meta.DeviceTs.Ticks % TimeSpan.TicksPerSecond)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1e3")]
    [InlineData("9007199254740993")]
    public void Seq_is_any_non_negative_whole_number(string seq)
    {
        var message = Device<PumpStatusMessage>("devices/pumps/pump-1/status", JsonPayload.Status.With("seq", seq));

        Assert.Equal((long)decimal.Parse(seq, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture), message.Meta.Seq);
    }

    [Fact]
    public void A_bolus_is_read()
    {
        var message = Device<BolusMessage>("devices/pumps/pump-1/bolus", JsonPayload.Bolus.With("kind", "\"test\""));

        Assert.Equal(new DeviceMessageMeta("pump-1", "bolus", "boot-1", 3, new DateTimeOffset(2025, 3, 1, 10, 0, 0, TimeSpan.Zero), ReceivedAt), message.Meta);
        Assert.Equal(new BolusReading("pump-1", 35m, BolusKind.Test, message.Meta.DeviceTs, ReceivedAt), message.Reading);
    }

    [Fact]
    public void Vitals_are_read_whole()
    {
        var message = Device<VitalsMessage>("devices/monitors/mon-1/vitals", JsonPayload.Vitals);

        Assert.Equal("vitals", message.Meta.Topic);
        Assert.Equal(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero), message.Meta.DeviceTs);
        Assert.Equal(
            new VitalsReading("mon-1", 72m, 96m, 16m, 128m, 76m, 36.8m, Rhythm.Sinus, message.Meta.DeviceTs, ReceivedAt),
            message.Reading);
    }

    [Fact]
    public void Vitals_may_carry_any_subset_and_null_is_absent()
    {
        var message = Device<VitalsMessage>("devices/monitors/mon-1/vitals", JsonPayload.Vitals
            .Without("heartRate").Without("respRate").Without("systolic").Without("diastolic").Without("temperature").Without("rhythm")
            .With("spo2", "null"));

        Assert.Equal(new VitalsReading("mon-1", null, null, null, null, null, null, null, message.Meta.DeviceTs, ReceivedAt), message.Reading);
    }

    [Fact]
    public void Alarming_but_possible_vitals_are_evaluated_not_refused()
    {
        var message = Device<VitalsMessage>("devices/monitors/mon-1/vitals", JsonPayload.Vitals
            .With("heartRate", "0").With("spo2", "40").With("respRate", "0").With("rhythm", "\"asystole\"")
            .With("temperature", "20").With("systolic", "350"));

        Assert.Equal(0m, message.Reading.HeartRate);
        Assert.Equal(40m, message.Reading.Spo2);
        Assert.Equal(Rhythm.Asystole, message.Reading.Rhythm);
        Assert.Equal(20m, message.Reading.Temperature);
        Assert.Equal(350m, message.Reading.Systolic);
    }

    [Theory]
    [InlineData("pain", "0", 0)]
    [InlineData("pain", "10", 10)]
    [InlineData("sedation", "-5", -5)]
    [InlineData("sedation", "4", 4)]
    [InlineData("benzodiazepine", "2.5", 2.5)]
    [InlineData("opioid", "120", 120)]
    public void Numeric_observations_are_read(string kind, string value, double expected)
    {
        var message = Observation(JsonPayload.Observation(kind, value));

        Assert.Equal((decimal)expected, message.Reading.Number);
        Assert.Null(message.Reading.Level);
        Assert.Null(message.Reading.Flag);
    }

    [Fact]
    public void An_observation_is_read_whole()
    {
        var message = Observation(JsonPayload.Observation("pain", "4").With("patientId", "\"p1\""));

        Assert.Equal(
            new ObservationMessage("p1", "chart-app", new ObservationReading("obs-1", ObservationKind.Pain, 4m, null, null, "nurse.jones", ReceivedAt)),
            message);
    }

    [Fact]
    public void Consciousness_and_oxygen_are_read()
    {
        Assert.Equal(Consciousness.V, Observation(JsonPayload.Observation("consciousness", "\"v\"")).Reading.Level);
        Assert.True(Observation(JsonPayload.Observation("oxygen", "true")).Reading.Flag);
        Assert.False(Observation(JsonPayload.Observation("oxygen", "false")).Reading.Flag);
    }

    [Theory]
    [InlineData("hallucination", null)]
    [InlineData("delirium", null)]
    [InlineData("hallucination", "true")]
    [InlineData("delirium", "\"severe\"")]
    public void A_hallucination_or_delirium_needs_no_value_and_one_sent_never_loses_it(string kind, string? value)
    {
        var message = Observation(JsonPayload.Observation(kind, value));

        Assert.Equal(kind, message.Reading.Kind.ToString(), ignoreCase: true);
        Assert.Null(message.Reading.Number);
    }

    [Fact]
    public void An_observation_needs_no_boot_id_seq_version_or_time()
    {
        var message = Observation(JsonPayload.Observation("sedation", "-1").Without("schemaVersion").Without("ts"));

        Assert.Equal(-1m, message.Reading.Number);
    }

    [Fact]
    public void The_observation_body_on_its_own_goes_through_the_same_validation()
    {
        var ok = Assert.IsType<ParsedObservation>(Parser.ParseObservation("p7", JsonPayload.Observation("pain", "3").ToBytes(), ReceivedAt));
        var refused = Assert.IsType<Refusal>(Parser.ParseObservation("p7", JsonPayload.Observation("pain", "12").ToBytes(), ReceivedAt));

        Assert.Equal("p7", ok.Message.PatientId);
        Assert.Equal("value: 12 is not on the pain scale (NRS 0 to 10)", refused.Reason);
    }

    [Fact]
    public void A_byte_order_mark_and_unknown_extra_fields_are_accepted()
    {
        var payload = Encoding.UTF8.GetPreamble().Concat(JsonPayload.Vitals.With("firmware", "{\"v\":[1,2]}").ToBytes()).ToArray();
        Assert.True(TopicMap.TryParse("devices/monitors/mon-1/vitals", out var route));

        Assert.IsType<ParsedDeviceMessage>(Parser.Parse(route, payload, ReceivedAt));
    }

    private static T Device<T>(string topic, JsonPayload payload)
        where T : DeviceMessage
    {
        Assert.True(TopicMap.TryParse(topic, out var route));
        var result = Parser.Parse(route, payload.ToBytes(), ReceivedAt);
        var parsed = Assert.IsType<ParsedDeviceMessage>(result);
        return Assert.IsType<T>(parsed.Message);
    }

    private static ObservationMessage Observation(JsonPayload payload)
    {
        Assert.True(TopicMap.TryParse("patients/p1/observations", out var route));
        var result = Parser.Parse(route, payload.ToBytes(), ReceivedAt);
        return Assert.IsType<ParsedObservation>(result).Message;
    }
}
