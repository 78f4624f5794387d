using Monitoring.Contracts.Messages;
using Monitoring.Grains.Patients;

namespace Monitoring.Grains.Tests.Units;

public sealed class AdmissionRulesTests
{
    private static readonly Admission Current = new()
    {
        Id = "p1", Mrn = "M1", DisplayName = "Jane Example", WardId = "w", BedId = "b", WeightKg = 70m, Regimen = "gradual",
        Flags = new FlagsDto { Postoperative = true, BaselineRhythm = "af" },
    };

    [Fact]
    public void A_patch_takes_only_the_named_fields_and_a_group_member_alone()
    {
        var (merged, error) = AdmissionRules.Merge(Current, new Admission { WeightKg = 72m, Mrn = "ignored", Flags = new FlagsDto { Spo2Scale2 = true } },
            ["weightKg", "flags.spo2Scale2"]);

        Assert.Null(error);
        Assert.Equal(72m, merged!.WeightKg);
        Assert.Equal("M1", merged.Mrn);
        Assert.True(merged.Flags.Spo2Scale2);
        Assert.True(merged.Flags.Postoperative);
        Assert.Equal("af", merged.Flags.BaselineRhythm);
    }

    [Fact]
    public void An_unknown_field_is_refused_naming_it()
    {
        var (_, error) = AdmissionRules.Merge(Current, new Admission(), ["weight"]);

        Assert.Equal(ResultKind.Refused, error!.Kind);
        Assert.Equal("weight", error.Field);
    }

    [Fact]
    public void The_audit_names_a_changed_display_name_without_its_value()
    {
        var changes = AdmissionRules.Changes(Current, Current with { DisplayName = "John Example", WeightKg = 71.5m });

        Assert.Contains("displayName", changes);
        Assert.Contains("weightKg 70 -> 71.5", changes);
        Assert.DoesNotContain(changes, c => c.Contains("Example", StringComparison.Ordinal));
    }
}
