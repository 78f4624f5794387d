using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Protocol.Rules;

namespace Monitoring.Protocol.Parameters;

/// <summary>
/// Parses and validates the protocol file (seeds/ketamine-protocol.json). Pure: the caller reads the
/// file. Any missing or malformed value throws <see cref="ProtocolParametersException"/> naming every
/// bad field, and a ceiling above <see cref="SafetyInvariants.CeilingNeverAboveMgPerKgPerHour"/> is refused.
/// </summary>
public static class ProtocolParametersLoader
{
    /// <summary>
    /// A ward's parameters: the protocol file with the ward file's overrides laid over it. Only values whose
    /// source marks them a ward default (and the ward's mode) may be overridden, each within its range; the
    /// guideline's figures may not.
    /// </summary>
    public static ProtocolParameters ParseWithWardOverrides(string protocolJson, string? wardOverridesJson)
    {
        if (string.IsNullOrWhiteSpace(wardOverridesJson))
        {
            return Parse(protocolJson);
        }

        JsonObject protocol;
        JsonObject overrides;
        try
        {
            protocol = JsonNode.Parse(protocolJson)!.AsObject();
            overrides = JsonNode.Parse(wardOverridesJson)!.AsObject();
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or NullReferenceException)
        {
            throw new ProtocolParametersException($"the ward overrides are not a JSON object: {ex.Message}", ex);
        }

        var errors = new List<string>();
        foreach (var (sectionName, sectionNode) in overrides)
        {
            if (sectionNode is not JsonObject section || protocol[sectionName] is not JsonObject baseSection)
            {
                errors.Add($"overrides.{sectionName}: is not a section of the protocol file");
                continue;
            }

            foreach (var (name, value) in section)
            {
                var path = $"overrides.{sectionName}.{name}";
                if (baseSection[name] is not JsonObject entry)
                {
                    errors.Add($"{path}: is not a value of the protocol file");
                    continue;
                }

                var source = (string?)entry["source"] ?? "";
                if (!WardDefaultRanges.IsOverridable(sectionName, source))
                {
                    errors.Add($"{path}: is a guideline figure, not a ward default, and cannot be overridden per ward");
                    continue;
                }

                WardDefaultRanges.CheckOverride(path, entry, value, errors);

                entry["value"] = value?.DeepClone();
                entry["source"] = source + " (overridden by the ward)";
            }
        }

        if (errors.Count > 0)
        {
            throw new ProtocolParametersException(errors);
        }

        return Parse(protocol.ToJsonString());
    }

    public static ProtocolParameters Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new ProtocolParametersException($"the protocol file is not valid JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var r = new ParameterReader(document.RootElement);
            var parameters = Read(r, document.RootElement);
            WardDefaultRanges.CheckProtocol(document.RootElement, r);
            Validate(r, parameters);
            if (r.Errors.Count > 0)
            {
                throw new ProtocolParametersException(r.Errors);
            }

            return parameters;
        }
    }

    private static ProtocolParameters Read(ParameterReader r, JsonElement root) => new(
        new WeightParameters(r.Positive("weight.plausibleMinKg"), r.Positive("weight.plausibleMaxKg"), TimeSpan.FromDays((double)r.Positive("weight.reviewAfterDays"))),
        new DoseRateParameters(
            r.Positive("doseRate.ceilingMgPerKgPerHour"),
            r.Positive("doseRate.usualMinMgPerKgPerHour"),
            r.Positive("doseRate.usualMaxMgPerKgPerHour"),
            r.DecimalList("doseRate.ceilingWorseBandsMgPerKgPerHour"),
            r.Hours("doseRate.dailyDoseWindowHours")),
        new BolusParameters(
            r.Positive("bolus.testMaxMgPerKg"),
            r.Int("bolus.testBolusesPerCourse"),
            r.Positive("bolus.acuteLimitMgPerKg")),
        new CumulativeHourParameters(r.Minutes("cumulativeHour.windowMinutes"), r.Positive("cumulativeHour.limitMgPerKg")),
        new TitrationParameters(
            r.Positive("titration.startMaxMgPerDay"),
            r.Positive("titration.lowBandUpToMgPerDay"),
            r.Positive("titration.lowBandMaxStepMgPerDay"),
            r.Hours("titration.lowBandMinIntervalHours"),
            r.Positive("titration.highBandMaxStepMgPerDay"),
            r.Hours("titration.highBandMinIntervalHours"),
            r.Positive("titration.highDailyDoseMgPerDay"),
            r.Positive("titration.roundingToleranceFractionOfStep")),
        new BenzodiazepineParameters(
            r.Positive("benzodiazepine.midazolamMaxMgPerKg"),
            r.Minutes("benzodiazepine.cumulativeWindowMinutes"),
            r.Positive("benzodiazepine.cumulativeMaxMgPerKg")),
        new PauseParameters(
            r.Seconds("pause.pauseNotDoneSeconds"),
            r.Minutes("pause.restartAllowedAfterMinutes"),
            r.Minutes("pause.restartDueAfterMinutes"),
            r.Minutes("pause.hallucinationAfterStopMinutes")),
        new CommandParameters(r.Seconds("commands.confirmWithinSeconds")),
        new SedationParameters(
            r.Int("sedation.rassAtOrBelow"),
            r.Minutes("sedation.assessmentAfterChangeMinutes"),
            r.Hours("sedation.assessmentRoutineHours")),
        new VitalsParameters(
            r.Positive("vitals.spo2BelowPercent"),
            r.Positive("vitals.spo2BelowPercentScale2"),
            r.DecimalList("vitals.spo2WorseBandsPercent"),
            r.Seconds("vitals.spo2DelaySeconds"),
            r.Positive("vitals.respRateBelow"),
            r.Positive("vitals.respRateAbove"),
            r.Seconds("vitals.respRateDelaySeconds"),
            r.Positive("vitals.heartRateBelow"),
            r.Positive("vitals.heartRateAbove"),
            r.Seconds("vitals.heartRateDelaySeconds"),
            r.Positive("vitals.systolicAtOrAbove"),
            r.Positive("vitals.systolicBelow")),
        new News2Parameters(
            r.Int("news2.mediumAggregate"),
            r.Int("news2.mediumSingleParameter"),
            r.Int("news2.highAggregate"),
            r.Minutes("news2.staleAfterMinutes"),
            r.Bands("news2.respirationRate"),
            r.Bands("news2.spo2Scale1"),
            r.Bands("news2.spo2Scale2OnAir"),
            r.Bands("news2.spo2Scale2OnOxygen"),
            r.Int("news2.supplementalOxygenScore"),
            r.Bands("news2.systolic"),
            r.Bands("news2.pulse"),
            r.Int("news2.newConfusionOrWorseScore"),
            r.Bands("news2.temperature")),
        new CommsParameters(
            r.Seconds("comms.pumpLostSeconds"),
            r.Seconds("comms.monitorLostSeconds"),
            r.Seconds("comms.parameterMissingSeconds"),
            r.Seconds("comms.deviceClockSkewSeconds"),
            r.Seconds("comms.wardUnwatchedSeconds")),
        new AlertParameters(
            r.Seconds("alerts.escalateHighAfterSeconds"),
            r.Seconds("alerts.escalateMediumAfterSeconds"),
            r.Seconds("alerts.escalateLatchedHighAfterSeconds"),
            r.Seconds("alerts.reAlarmAcknowledgedHighAfterSeconds"),
            r.Minutes("alerts.eventConditionHoldMinutes")),
        new ResponseReviewParameters(
            r.Hours("responseReview.dueAfterHours"),
            r.Hours("responseReview.overdueAfterHours"),
            r.Hours("responseReview.meanPainWindowHours"),
            r.Positive("responseReview.benefitMinReductionPercent"),
            r.Positive("responseReview.benefitMinReductionPoints")),
        new CourseParameters(r.Hours("course.readmissionContinuesWithinHours")),
        new DeviceLimits(
            r.Positive("deviceLimits.maxRateMlPerHour"),
            r.Positive("deviceLimits.defaultRateStepMlPerHour"),
            r.Positive("deviceLimits.maxSpo2Percent"),
            r.Positive("deviceLimits.maxHeartRate"),
            r.Positive("deviceLimits.maxRespRate"),
            r.Positive("deviceLimits.maxSystolic"),
            r.Positive("deviceLimits.maxDiastolic"),
            r.Decimal("deviceLimits.minTemperature"),
            r.Positive("deviceLimits.maxTemperature"),
            r.Positive("deviceLimits.maxConcentrationMgPerMl"),
            r.Positive("deviceLimits.maxBolusMg"),
            r.Positive("deviceLimits.maxMidazolamMg"),
            r.Positive("deviceLimits.maxOpioidMgPerDay")),
        new ScaleParameters(r.Int("scales.painMin"), r.Int("scales.painMax"), r.Int("scales.rassMin"), r.Int("scales.rassMax")),
        new WardParameters(r.Bool("ward.enforcingMode"), r.Text("ward.timeZone")),
        ReadRules(r, root));

    private static Dictionary<string, RuleDefinition> ReadRules(ParameterReader r, JsonElement root)
    {
        var rules = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
        if (!root.TryGetProperty("rules", out var section) || section.ValueKind != JsonValueKind.Object)
        {
            r.Fail("rules", "is missing");
            return rules;
        }

        foreach (var property in section.EnumerateObject())
        {
            var path = $"rules.{property.Name}";
            if (!RuleIds.All.Contains(property.Name))
            {
                r.Fail(path, "is not a rule of the protocol table");
                continue;
            }

            var priority = ReadEnum<AlertPriority>(r, property.Value, path, "priority");
            var kind = ReadEnum<AlertKind>(r, property.Value, path, "kind");
            var message = property.Value.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null;
            if (string.IsNullOrWhiteSpace(message))
            {
                r.Fail($"{path}.message", "is missing");
            }

            AlertPriority? higher = null;
            if (property.Value.TryGetProperty("higherPriority", out _))
            {
                higher = ReadEnum<AlertPriority>(r, property.Value, path, "higherPriority");
                if (higher is { } h && priority is { } basePriority && h <= basePriority)
                {
                    r.Fail($"{path}.higherPriority", "must be above the rule's priority");
                }
            }

            if (priority is { } p && kind is { } k && message is not null)
            {
                rules[property.Name] = new RuleDefinition(property.Name, p, k, message, higher);
            }
        }

        foreach (var id in RuleIds.All.Where(id => !section.TryGetProperty(id, out _)))
        {
            r.Fail($"rules.{id}", "is missing");
        }

        return rules;
    }

    private static T? ReadEnum<T>(ParameterReader r, JsonElement rule, string path, string name)
        where T : struct, Enum
    {
        if (rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            && Enum.TryParse<T>(value.GetString(), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
            && !int.TryParse(value.GetString(), out _))
        {
            return parsed;
        }

        r.Fail($"{path}.{name}", $"must be one of {string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()))}");
        return null;
    }

    /// <summary>Relations between values that a single field's check cannot see.</summary>
    private static void Validate(ParameterReader r, ProtocolParameters p)
    {
        void Require(bool condition, string path, string reason)
        {
            if (!condition)
            {
                r.Fail(path, reason);
            }
        }

        Require(p.DoseRate.CeilingMgPerKgPerHour <= SafetyInvariants.CeilingNeverAboveMgPerKgPerHour,
            "doseRate.ceilingMgPerKgPerHour",
            $"{p.DoseRate.CeilingMgPerKgPerHour} mg/kg/h is above the guideline's hard ceiling of {SafetyInvariants.CeilingNeverAboveMgPerKgPerHour} mg/kg/h and is refused");
        Require(p.DoseRate.UsualMinMgPerKgPerHour < p.DoseRate.UsualMaxMgPerKgPerHour, "doseRate.usualMinMgPerKgPerHour", "must be below usualMaxMgPerKgPerHour");
        Require(p.DoseRate.UsualMaxMgPerKgPerHour <= p.DoseRate.CeilingMgPerKgPerHour, "doseRate.usualMaxMgPerKgPerHour", "must not be above the ceiling");
        Require(IsAscendingAbove(p.DoseRate.CeilingWorseBandsMgPerKgPerHour, p.DoseRate.CeilingMgPerKgPerHour),
            "doseRate.ceilingWorseBandsMgPerKgPerHour", "must rise above the ceiling, each band above the last");
        Require(p.Weight.PlausibleMinKg < p.Weight.PlausibleMaxKg, "weight.plausibleMinKg", "must be below plausibleMaxKg");
        Require(p.Bolus.TestBolusesPerCourse >= 0, "bolus.testBolusesPerCourse", "must not be negative");
        Require(p.Titration.LowBandMinInterval <= p.Titration.HighBandMinInterval, "titration.lowBandMinIntervalHours", "must not be above highBandMinIntervalHours");
        Require(p.Titration.RoundingToleranceFraction < 1m, "titration.roundingToleranceFractionOfStep", "must be below 1: a tolerance never covers a whole titration step");
        Require(p.Benzodiazepine.CumulativeMaxMgPerKg >= p.Benzodiazepine.MidazolamMaxMgPerKg, "benzodiazepine.cumulativeMaxMgPerKg",
            "must not be below midazolamMaxMgPerKg: one dose within its limit would breach it");
        Require(p.Pause.RestartAllowedAfter < p.Pause.RestartDueAfter, "pause.restartAllowedAfterMinutes", "must be below restartDueAfterMinutes");
        Require(p.Vitals.Spo2BelowPercentScale2 <= p.Vitals.Spo2BelowPercent, "vitals.spo2BelowPercentScale2", "must not be above spo2BelowPercent");
        Require(IsDescendingBelow(p.Vitals.Spo2WorseBandsPercent, p.Vitals.Spo2BelowPercentScale2),
            "vitals.spo2WorseBandsPercent", "must fall below the SpO2 limits, each band below the last");
        Require(p.Vitals.RespRateBelow < p.Vitals.RespRateAbove, "vitals.respRateBelow", "must be below respRateAbove");
        Require(p.Vitals.HeartRateBelow < p.Vitals.HeartRateAbove, "vitals.heartRateBelow", "must be below heartRateAbove");
        Require(p.Vitals.SystolicBelow < p.Vitals.SystolicAtOrAbove, "vitals.systolicBelow", "must be below systolicAtOrAbove");
        Require(p.News2.MediumAggregate < p.News2.HighAggregate, "news2.mediumAggregate", "must be below highAggregate");
        Require(p.ResponseReview.DueAfter < p.ResponseReview.OverdueAfter, "responseReview.dueAfterHours", "must be below overdueAfterHours");
        Require(p.ResponseReview.BenefitMinReductionPercent <= 100m, "responseReview.benefitMinReductionPercent", "must not be above 100");
        Require(p.DeviceLimits.MinTemperature < p.DeviceLimits.MaxTemperature, "deviceLimits.minTemperature", "must be below maxTemperature");
        Require(p.Scales.PainMin < p.Scales.PainMax, "scales.painMin", "must be below painMax");
        Require(p.Scales.RassMin < p.Scales.RassMax, "scales.rassMin", "must be below rassMax");
        Require(p.Sedation.RassAtOrBelow >= p.Scales.RassMin && p.Sedation.RassAtOrBelow <= p.Scales.RassMax,
            "sedation.rassAtOrBelow", "must lie on the RASS scale");
    }

    private static bool IsAscendingAbove(IReadOnlyList<decimal> bands, decimal floor) =>
        bands.Select((b, i) => b > (i == 0 ? floor : bands[i - 1])).All(ok => ok);

    private static bool IsDescendingBelow(IReadOnlyList<decimal> bands, decimal ceiling) =>
        bands.Select((b, i) => b < (i == 0 ? ceiling : bands[i - 1])).All(ok => ok);
}
