using System.Reflection;
using System.Text.Json;
using Monitoring.Contracts;
using Monitoring.Contracts.Views;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Rules;

namespace Monitoring.Ingest.Tests.Publishing;

public sealed class WireEnumJsonConverterTests
{
    private static readonly JsonSerializerOptions Json = WireEnumJsonConverter.AddTo(new(JsonSerializerDefaults.Web));

    /// <summary>Every enum <see cref="Wire"/> has a Name for, found by reflection rather than from the converter's own list.</summary>
    public static TheoryData<Type> WireEnums()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(Wire).GetMethods(BindingFlags.Public | BindingFlags.Static)
                     .Where(m => m.Name == nameof(Wire.Name))
                     .Select(m => m.GetParameters().Single().ParameterType))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(WireEnums))]
    public void Every_value_is_written_as_wire_names_it_and_read_back_in_any_case(Type type)
    {
        Assert.Contains(type, WireEnumJsonConverter.Types);
        var name = typeof(Wire).GetMethod(nameof(Wire.Name), [type])!;
        foreach (var value in Enum.GetValues(type))
        {
            var spelled = (string)name.Invoke(null, [value])!;

            Assert.Equal(JsonSerializer.Serialize(spelled), JsonSerializer.Serialize(value, type, Json));
            Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(spelled), type, Json));
            Assert.Equal(value, JsonSerializer.Deserialize(JsonSerializer.Serialize(spelled.ToUpperInvariant()), type, Json));
        }
    }

    [Theory]
    [InlineData(typeof(AlertPriority), "urgent")]
    [InlineData(typeof(AlertState), "ACTIVE!")]
    [InlineData(typeof(AlertKind), "3")]
    [InlineData(typeof(AlertState), "")]
    public void An_unknown_text_is_refused_naming_it(Type type, string text)
    {
        var refused = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(JsonSerializer.Serialize(text), type, Json));

        Assert.Contains($"'{text}'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_is_not_an_enum_on_the_wire()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<AlertPriority>("3", Json));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize((AlertPriority)0, Json));
    }

    [Fact]
    public void A_nullable_enum_is_null_or_its_name()
    {
        Assert.Equal("null", JsonSerializer.Serialize((AlertState?)null, Json));
        Assert.Equal("\"latched\"", JsonSerializer.Serialize((AlertState?)AlertState.Latched, Json));
        Assert.Equal(AlertState.Latched, JsonSerializer.Deserialize<AlertState?>("\"Latched\"", Json));
    }

    [Fact]
    public void An_alert_view_carries_the_contract_spellings()
    {
        var alert = new AlertView
        {
            Id = "a-1", WardId = "ward-a", RuleId = "PUMP_COMMS_LOST",
            Priority = AlertPriority.Medium, Kind = AlertKind.Technical, State = AlertState.Acknowledged,
        };

        var json = JsonSerializer.SerializeToElement(alert, Json);

        Assert.Equal(("medium", "technical", "acknowledged"), (json.GetProperty("priority").GetString(), json.GetProperty("kind").GetString(), json.GetProperty("state").GetString()));
        Assert.Equal(alert, json.Deserialize<AlertView>(Json));
    }
}
