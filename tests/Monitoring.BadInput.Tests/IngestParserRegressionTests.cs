using System.Text;
using Monitoring.BadInput.Tests.Support;
using Monitoring.Ingest.Parsing;
using Monitoring.Ingest.Topics;

namespace Monitoring.BadInput.Tests;

/// <summary>Inputs the fuzzer found (shrunk by CsCheck), kept as they were found.</summary>
public class IngestParserRegressionTests
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 28, 10, 0, 1, TimeSpan.Zero);

    private static readonly PayloadParser Parser = new(ProtocolSeed.Parameters);

    private const string Status =
        "{\"schemaVersion\":1,\"bootId\":\"b\",\"seq\":1,\"ts\":\"2026-11-28T10:00:00Z\",\"state\":\"running\",\"rateMlPerHour\":7,\"volumeInfusedMl\":0}";

    private static readonly TopicRoute Pump = new(TopicKind.PumpStatus, "q1Mw", "status");

    /// <summary>
    /// Seed 3Cx1d_QVb4h1: System.Text.Json echoes a bad literal with the rest of the payload after it, so the reason
    /// (published on monitoring/rejected and logged) carried the whole payload. It is cut short now, position kept.
    /// </summary>
    [Fact]
    public void A_bad_literal_is_reported_without_the_rest_of_the_payload()
    {
        var payload = "{\"seq\":1,\"rateStepMlPerHour\":tru,\"bootId\":\"" + new string('x', 100_000) + "\"}";

        var refusal = Assert.IsType<Refusal>(Parser.Parse(Pump, Encoding.UTF8.GetBytes(payload), ReceivedAt));

        Assert.Equal("json", refusal.Field);
        Assert.StartsWith("bad JSON: 'tru,", refusal.Reason, StringComparison.Ordinal);
        Assert.EndsWith("… LineNumber: 0 | BytePositionInLine: 32.", refusal.Reason, StringComparison.Ordinal);
        Assert.InRange(refusal.Reason.Length, 1, ParseCheck.MaxReasonLength);
    }

    /// <summary>Seed bioveDwrqEW3: a number of 94,000 digits was echoed whole in "is not a finite number".</summary>
    [Fact]
    public void A_number_of_a_hundred_thousand_digits_is_refused_with_its_first_digits_only()
    {
        var payload = Status.Replace("\"rateMlPerHour\":7", "\"rateMlPerHour\":1" + new string('0', 100_000), StringComparison.Ordinal);

        var refusal = Assert.IsType<Refusal>(Parser.Parse(Pump, Encoding.UTF8.GetBytes(payload), ReceivedAt));

        Assert.Equal("rateMlPerHour", refusal.Field);
        Assert.Equal("rateMlPerHour: 1" + new string('0', 39) + "… is not a finite number", refusal.Reason);
    }

    /// <summary>A duplicated key of a megabyte is named, cut short.</summary>
    [Fact]
    public void A_duplicate_key_of_a_megabyte_is_reported_cut_short()
    {
        var key = new string('k', 1_000_000);
        var payload = $"{{\"{key}\":1,\"{key}\":2}}";

        var refusal = Assert.IsType<Refusal>(Parser.Parse(Pump, Encoding.UTF8.GetBytes(payload), ReceivedAt));

        Assert.Equal("json", refusal.Field);
        Assert.StartsWith("bad JSON: Duplicate property 'kkk", refusal.Reason, StringComparison.Ordinal);
        Assert.InRange(refusal.Reason.Length, 1, ParseCheck.MaxReasonLength);
    }
}
