using Monitoring.Protocol.Parameters;
using Monitoring.Protocol.Tests.Support;

namespace Monitoring.Protocol.Tests.Parameters;

public class WardOverrideTests
{
    [Fact]
    public void A_ward_may_override_a_ward_default_and_its_mode()
    {
        var ward = ProtocolParametersLoader.ParseWithWardOverrides(SeedProtocol.Json,
            """{ "comms": { "pumpLostSeconds": 20 }, "ward": { "enforcingMode": false } }""");

        Assert.Equal(TimeSpan.FromSeconds(20), ward.Comms.PumpLostAfter);
        Assert.False(ward.Ward.EnforcingMode);
        Assert.Equal(SeedProtocol.Parameters.DoseRate.CeilingMgPerKgPerHour, ward.DoseRate.CeilingMgPerKgPerHour);
    }

    [Fact]
    public void A_ward_may_not_override_a_guideline_figure()
    {
        var error = Assert.Throws<ProtocolParametersException>(() =>
            ProtocolParametersLoader.ParseWithWardOverrides(SeedProtocol.Json, """{ "bolus": { "acuteLimitMgPerKg": 0.5 } }"""));

        Assert.Contains(error.Errors, e => e.StartsWith("overrides.bolus.acuteLimitMgPerKg: is a guideline figure", StringComparison.Ordinal));
    }

    [Fact]
    public void An_override_of_an_unknown_value_is_refused()
    {
        var error = Assert.Throws<ProtocolParametersException>(() =>
            ProtocolParametersLoader.ParseWithWardOverrides(SeedProtocol.Json, """{ "comms": { "pagerSeconds": 5 } }"""));

        Assert.Contains("overrides.comms.pagerSeconds: is not a value of the protocol file", error.Errors);
    }

    [Fact]
    public void An_overridden_value_is_still_validated()
    {
        var error = Assert.Throws<ProtocolParametersException>(() =>
            ProtocolParametersLoader.ParseWithWardOverrides(SeedProtocol.Json, """{ "comms": { "pumpLostSeconds": "soon" } }"""));

        Assert.Contains(error.Errors, e => e.StartsWith("comms.pumpLostSeconds: must be a number", StringComparison.Ordinal));
    }
}
