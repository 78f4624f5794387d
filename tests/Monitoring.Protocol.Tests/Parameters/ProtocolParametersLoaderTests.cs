using System.Text.Json.Nodes;
using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Rules;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Parameters;

public class ProtocolParametersLoaderTests
{
    private static JsonObject SeedCopy() => JsonNode.Parse(SeedProtocol.Json)!.AsObject();

    private static ProtocolParametersException Refused(JsonObject json) =>
        Assert.Throws<ProtocolParametersException>(() => ProtocolParametersLoader.Parse(json.ToJsonString()));

    [Fact]
    public void The_shipped_seed_loads_with_the_guideline_figures()
    {
        var p = SeedProtocol.Parameters;

        Assert.Equal(0.5m, p.DoseRate.CeilingMgPerKgPerHour);
        Assert.Equal(0.35m, p.Bolus.AcuteLimitMgPerKg);
        Assert.Equal(TimeSpan.FromHours(4), p.Titration.LowBandMinInterval);
        Assert.Equal(TimeSpan.FromMinutes(120), p.Pause.RestartDueAfter);
        Assert.True(p.Ward.EnforcingMode);
    }

    [Fact]
    public void Every_rule_of_the_table_has_a_definition()
    {
        var p = SeedProtocol.Parameters;

        Assert.Equal(RuleIds.All.Count, p.Rules.Count);
        Assert.Equal(AlertPriority.High, p.Rule(RuleIds.Ceiling).Priority);
        Assert.Equal(AlertKind.Technical, p.Rule(RuleIds.PumpCommsLost).Kind);
        Assert.Equal(AlertPriority.Low, p.Rule(RuleIds.Eligibility).Priority);
    }

    [Fact]
    public void Every_entry_of_the_seed_names_its_source()
    {
        var root = SeedCopy();
        var entries = root.Where(s => s.Key != "rules" && s.Value is JsonObject)
            .SelectMany(s => s.Value!.AsObject().Select(e => (Path: $"{s.Key}.{e.Key}", Entry: e.Value!.AsObject())))
            .ToList();

        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.False(string.IsNullOrWhiteSpace((string?)e.Entry["source"]), e.Path));
    }

    [Fact]
    public void A_ceiling_exactly_at_the_guideline_limit_is_accepted()
    {
        var json = SeedCopy();
        json["doseRate"]!["ceilingMgPerKgPerHour"]!["value"] = 0.5m;

        Assert.Equal(0.5m, ProtocolParametersLoader.Parse(json.ToJsonString()).DoseRate.CeilingMgPerKgPerHour);
    }

    [Fact]
    public void A_ceiling_above_the_guideline_limit_is_refused()
    {
        var json = SeedCopy();
        json["doseRate"]!["ceilingMgPerKgPerHour"]!["value"] = 0.51m;

        var error = Refused(json);

        Assert.Contains(error.Errors, e => e.StartsWith("doseRate.ceilingMgPerKgPerHour:", StringComparison.Ordinal) && e.Contains("refused", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_value_stops_start_up_naming_the_field()
    {
        var json = SeedCopy();
        json["bolus"]!.AsObject().Remove("acuteLimitMgPerKg");

        var error = Refused(json);

        Assert.Contains("bolus.acuteLimitMgPerKg: is missing", error.Errors);
    }

    [Fact]
    public void A_malformed_value_stops_start_up_naming_the_field()
    {
        var json = SeedCopy();
        json["pause"]!["restartDueAfterMinutes"]!["value"] = "two hours";

        var error = Refused(json);

        Assert.Contains(error.Errors, e => e.StartsWith("pause.restartDueAfterMinutes: must be a number", StringComparison.Ordinal));
    }

    [Fact]
    public void A_value_without_a_source_is_refused()
    {
        var json = SeedCopy();
        json["vitals"]!.AsObject()["respRateBelow"] = new JsonObject { ["value"] = 8 };

        Assert.Contains("vitals.respRateBelow: has no \"source\" saying where the number comes from", Refused(json).Errors);
    }

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var json = SeedCopy();
        json["weight"]!["plausibleMinKg"]!["value"] = -1;
        json["comms"]!.AsObject().Remove("pumpLostSeconds");

        var errors = Refused(json).Errors;

        Assert.Contains(errors, e => e.StartsWith("weight.plausibleMinKg:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("comms.pumpLostSeconds:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_rule_definition_is_refused()
    {
        var json = SeedCopy();
        json["rules"]!.AsObject().Remove(RuleIds.WardUnwatched);

        Assert.Contains("rules.WARD_UNWATCHED: is missing", Refused(json).Errors);
    }

    [Fact]
    public void An_unknown_priority_is_refused()
    {
        var json = SeedCopy();
        json["rules"]![RuleIds.Ceiling]!["priority"] = "urgent";

        Assert.Contains(Refused(json).Errors, e => e.StartsWith("rules.CEILING.priority:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_news2_chart_row_must_close_with_an_open_band()
    {
        var json = SeedCopy();
        var bands = json["news2"]!["pulse"]!["bands"]!.AsArray();
        bands.RemoveAt(bands.Count - 1);

        Assert.Contains(Refused(json).Errors, e => e.StartsWith("news2.pulse.bands[", StringComparison.Ordinal));
    }

    [Fact]
    public void Inconsistent_timings_are_refused()
    {
        var json = SeedCopy();
        json["pause"]!["restartAllowedAfterMinutes"]!["value"] = 180;

        Assert.Contains(Refused(json).Errors, e => e.StartsWith("pause.restartAllowedAfterMinutes:", StringComparison.Ordinal));
    }

    [Fact]
    public void Text_that_is_not_json_is_refused_with_a_message()
    {
        var error = Assert.Throws<ProtocolParametersException>(() => ProtocolParametersLoader.Parse("{ not json"));

        Assert.Contains("not valid JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rules_that_rise_name_their_higher_priority_in_the_seed()
    {
        var p = SeedProtocol.Parameters;

        Assert.Equal(AlertPriority.High, p.Rule(RuleIds.News2).Raised);
        Assert.Equal(AlertPriority.High, p.Rule(RuleIds.Arrhythmia).Raised);
        Assert.Equal(AlertPriority.Medium, p.Rule(RuleIds.ResponseReview).Raised);
        Assert.Equal(AlertPriority.High, p.Rule(RuleIds.Ceiling).Raised);
    }

    [Fact]
    public void A_higher_priority_not_above_the_rule_priority_is_refused()
    {
        var json = SeedCopy();
        json["rules"]![RuleIds.News2]!["higherPriority"] = "low";

        Assert.Contains(Refused(json).Errors, e => e.StartsWith("rules.NEWS2.higherPriority:", StringComparison.Ordinal));
    }

    [Fact]
    public void A_titration_rounding_tolerance_of_a_whole_step_is_refused()
    {
        var json = SeedCopy();
        json["titration"]!["roundingToleranceFractionOfStep"]!["value"] = 1;

        Assert.Contains(Refused(json).Errors, e => e.StartsWith("titration.roundingToleranceFractionOfStep:", StringComparison.Ordinal));
    }
}
