using System.Text.Json.Nodes;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Parameters;

/// <summary>
/// Bounded ward settings: every numeric ward default has a plausible range in the protocol file; a ward file
/// or the protocol file itself with a value outside it is refused naming the key and the range.
/// </summary>
public class WardDefaultRangeTests
{
    private static JsonObject SeedCopy() => JsonNode.Parse(SeedProtocol.Json)!.AsObject();

    private static ProtocolParametersException RefusedWard(string overrides) =>
        Assert.Throws<ProtocolParametersException>(() => ProtocolParametersLoader.ParseWithWardOverrides(SeedProtocol.Json, overrides));

    private static ProtocolParametersException Refused(JsonObject json) =>
        Assert.Throws<ProtocolParametersException>(() => ProtocolParametersLoader.Parse(json.ToJsonString()));

    /// <summary>Every entry whose source says "ward default" and whose value is numeric, with its range.</summary>
    private static IEnumerable<(string Path, JsonObject Entry)> NumericWardDefaults(JsonObject root) =>
        root.Where(s => s.Key != "rules" && s.Value is JsonObject)
            .SelectMany(s => s.Value!.AsObject().Where(e => e.Value is JsonObject).Select(e => (Path: $"{s.Key}.{e.Key}", Entry: e.Value!.AsObject())))
            .Where(e => ((string?)e.Entry["source"] ?? "").Contains("ward default", StringComparison.OrdinalIgnoreCase)
                && (e.Entry["value"] is JsonArray || e.Entry["value"]?.GetValueKind() == System.Text.Json.JsonValueKind.Number));

    [Fact]
    public void Every_numeric_ward_default_of_the_seed_has_a_range_holding_its_value()
    {
        var defaults = NumericWardDefaults(SeedCopy()).ToList();

        Assert.True(defaults.Count >= 30);
        Assert.All(defaults, d =>
        {
            var range = Assert.IsType<JsonArray>(d.Entry["range"], exactMatch: false);
            var (min, max) = ((decimal)range[0]!, (decimal)range[1]!);
            var values = d.Entry["value"] is JsonArray list ? list.Select(v => (decimal)v!).ToList() : [(decimal)d.Entry["value"]!];
            Assert.All(values, v => Assert.InRange(v, min, max));
        });
    }

    [Theory]
    [InlineData(5)]
    [InlineData(60)]
    public void A_ward_override_at_either_end_of_its_range_is_accepted(int seconds)
    {
        var ward = ProtocolParametersLoader.ParseWithWardOverrides(SeedProtocol.Json, $$"""{ "comms": { "pumpLostSeconds": {{seconds}} } }""");

        Assert.Equal(TimeSpan.FromSeconds(seconds), ward.Comms.PumpLostAfter);
    }

    [Fact]
    public void A_ward_override_above_its_range_is_refused_naming_the_key_and_the_range()
    {
        var error = RefusedWard("""{ "comms": { "pumpLostSeconds": 61 } }""");

        Assert.Contains(error.Errors, e => e.StartsWith("overrides.comms.pumpLostSeconds: 61 is outside its range 5..60", StringComparison.Ordinal));
    }

    [Fact]
    public void An_escalation_delay_below_its_range_is_refused()
    {
        var error = RefusedWard("""{ "alerts": { "escalateHighAfterSeconds": 1 } }""");

        Assert.Contains(error.Errors, e => e.StartsWith("overrides.alerts.escalateHighAfterSeconds: 1 is outside its range 15..180", StringComparison.Ordinal));
    }

    [Fact]
    public void An_hour_long_escalation_is_refused()
    {
        var error = RefusedWard("""{ "alerts": { "escalateMediumAfterSeconds": 3600 } }""");

        Assert.Contains(error.Errors, e => e.StartsWith("overrides.alerts.escalateMediumAfterSeconds: 3600 is outside its range 60..900", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_number_of_a_list_override_must_lie_in_the_range()
    {
        var error = RefusedWard("""{ "vitals": { "spo2WorseBandsPercent": [85, 60] } }""");

        Assert.Contains(error.Errors, e => e.StartsWith("overrides.vitals.spo2WorseBandsPercent: 60 is outside its range 70..89", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_out_of_range_override_is_reported_at_once()
    {
        var error = RefusedWard("""{ "comms": { "pumpLostSeconds": 600, "monitorLostSeconds": 1 } }""");

        Assert.Equal(2, error.Errors.Count(e => e.Contains("is outside its range", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_protocol_file_value_outside_its_own_range_is_refused()
    {
        var json = SeedCopy();
        json["comms"]!["pumpLostSeconds"]!["value"] = 120;

        Assert.Contains("comms.pumpLostSeconds: 120 is outside its range 5..60", Refused(json).Errors);
    }

    [Fact]
    public void A_ward_default_without_a_range_is_refused()
    {
        var json = SeedCopy();
        json["comms"]!["pumpLostSeconds"]!.AsObject().Remove("range");

        Assert.Contains(Refused(json).Errors, e => e.StartsWith("comms.pumpLostSeconds: is a ward default and needs a plausible \"range\"", StringComparison.Ordinal));
    }

    [Fact]
    public void A_range_whose_minimum_is_above_its_maximum_is_refused()
    {
        var json = SeedCopy();
        json["comms"]!["pumpLostSeconds"]!["range"] = new JsonArray(60, 5);

        Assert.Contains(Refused(json).Errors, e => e.StartsWith("comms.pumpLostSeconds.range: must be [min, max]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_guideline_figure_needs_no_range()
    {
        var json = SeedCopy();

        Assert.Null(json["doseRate"]!["ceilingMgPerKgPerHour"]!["range"]);
        Assert.Equal(0.5m, ProtocolParametersLoader.Parse(json.ToJsonString()).DoseRate.CeilingMgPerKgPerHour);
    }

    [Fact]
    public void The_mode_of_a_ward_is_not_a_number_and_needs_no_range()
    {
        var ward = ProtocolParametersLoader.ParseWithWardOverrides(SeedProtocol.Json, """{ "ward": { "enforcingMode": false } }""");

        Assert.False(ward.Ward.EnforcingMode);
    }
}
