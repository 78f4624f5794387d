using CsCheck;
using Monitoring.BadInput.Tests.Support;
using Monitoring.Ingest.Parsing;
using Monitoring.Ingest.Topics;
using Xunit.Abstractions;

namespace Monitoring.BadInput.Tests;

/// <summary>
/// Issue 7, part 3: generated and mutated payloads of every kind to ingest's <see cref="PayloadParser"/> (the same
/// parser REST and the dashboard use for observations). Every input is either read, faithfully, or refused with a
/// reason naming the field at fault; nothing throws. About 110,000 inputs in all (<see cref="Budget"/>).
/// </summary>
public class IngestParserFuzzTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset ReceivedAt = new(2026, 11, 28, 10, 0, 1, TimeSpan.Zero);

    private static readonly PayloadParser Parser = new(ProtocolSeed.Parameters);

    [Fact]
    public void Valid_payloads_of_every_kind_are_read_faithfully() => Run(Mutations.Valid, 10_000);

    [Fact]
    public void A_field_with_a_wrong_type_odd_string_or_number_out_of_range_is_refused_naming_it() => Run(Mutations.FieldValue, 40_000);

    [Fact]
    public void A_missing_or_null_field_is_refused_when_required_and_defaulted_when_optional() => Run(Mutations.FieldRemoval, 10_000);

    [Fact]
    public void Duplicate_keys_and_bad_structure_are_refused_while_spacing_order_and_unknown_fields_are_read() => Run(Mutations.Structure, 15_000);

    [Fact]
    public void Truncated_misencoded_and_flipped_bytes_are_refused_as_bad_json_or_read() => Run(Mutations.Bytes, 15_000);

    [Fact]
    public void Random_bytes_on_every_topic_are_refused_or_read_never_thrown() => Run(Mutations.Random, 10_000);

    [Fact]
    public void Megabyte_strings_numbers_arrays_and_nesting_are_handled_with_a_short_reason() => Run(Mutations.Huge, 300);

    [Fact]
    public void Mutated_topics_are_routed_exactly_as_the_contract_says_or_are_unknown()
    {
        var iterations = Budget.Of(10_000);
        Topics.Any.Sample(
            c =>
            {
                var known = TopicMap.TryParse(c.Topic, out var route);
                if (known != c.Expected is not null || (known && route != c.Expected))
                {
                    throw new PropertyFailedException(known ? $"routed as {route}" : "not routed");
                }
            },
            iter: iterations,
            print: c => c.ToString());
        output.WriteLine($"{iterations} topics");
    }

    private void Run(Gen<FuzzCase> cases, long baseline)
    {
        var iterations = Budget.Of(baseline);
        cases.Sample(c => ParseCheck.Verify(c, Parser.Parse(c.Route, c.Payload, ReceivedAt), ReceivedAt), iter: iterations, print: c => c.ToString());
        output.WriteLine($"{iterations} payloads");
    }
}
