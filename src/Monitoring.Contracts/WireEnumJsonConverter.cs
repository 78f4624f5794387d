using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monitoring.Protocol.Alerts;
using Monitoring.Protocol.Dosing;
using Monitoring.Protocol.Evaluation;
using Monitoring.Protocol.Model;
using Monitoring.Protocol.Pause;
using Monitoring.Protocol.Rules;

namespace Monitoring.Contracts;

/// <summary>
/// The one place an enum becomes JSON and back: every enum <see cref="Wire"/> knows, written as
/// <see cref="Wire"/>'s Name spells it and read through its TryParse (any case). An unknown text is a
/// <see cref="JsonException"/> that names it. Register it on every JSON options that carries a view.
/// </summary>
public sealed class WireEnumJsonConverter : JsonConverterFactory
{
    private delegate bool Parse<T>(string? text, out T value);

    private static readonly FrozenDictionary<Type, JsonConverter> Converters = new JsonConverter[]
    {
        new Spelled<AlertPriority>(Wire.Name, Wire.TryParse),
        new Spelled<AlertKind>(Wire.Name, Wire.TryParse),
        new Spelled<AlertState>(Wire.Name, Wire.TryParse),
        new Spelled<PumpState>(Wire.Name, Wire.TryParse),
        new Spelled<PumpAlarm>(Wire.Name, Wire.TryParse),
        new Spelled<PauseState>(Wire.Name, Wire.TryParse),
        new Spelled<Rhythm>(Wire.Name, Wire.TryParse),
        new Spelled<Consciousness>(Wire.Name, Wire.TryParse),
        new Spelled<ObservationKind>(Wire.Name, Wire.TryParse),
        new Spelled<CommandResult>(Wire.Name, Wire.TryParse),
        new Spelled<BolusKind>(Wire.Name, Wire.TryParse),
        new Spelled<DeviceType>(Wire.Name, Wire.TryParse),
        new Spelled<PumpCommandKind>(Wire.Name, Wire.TryParse),
        new Spelled<Regimen>(Wire.Name, Wire.TryParse),
        new Spelled<AllowedRateBound>(Wire.Name, Wire.TryParse),
    }.ToFrozenDictionary(c => c.Type!);

    /// <summary>The enum types this converter spells (the nullable forms follow through System.Text.Json).</summary>
    public static IReadOnlyCollection<Type> Types => Converters.Keys;

    /// <summary>Adds the converter to <paramref name="options"/> (once) and returns them.</summary>
    public static JsonSerializerOptions AddTo(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Converters.OfType<WireEnumJsonConverter>().Any())
        {
            options.Converters.Add(new WireEnumJsonConverter());
        }

        return options;
    }

    public override bool CanConvert(Type typeToConvert) => Converters.ContainsKey(typeToConvert);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) => Converters[typeToConvert];

    private sealed class Spelled<T>(Func<T, string> name, Parse<T> parse) : JsonConverter<T>
        where T : struct, Enum
    {
        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType == JsonTokenType.String
                ? FromText(reader.GetString())
                : throw new JsonException($"expected one of {Names()} as a string, not {reader.TokenType}");

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WriteStringValue(Known(value));
        }

        public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            FromText(reader.GetString());

        public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
        {
            ArgumentNullException.ThrowIfNull(writer);
            writer.WritePropertyName(Known(value));
        }

        private T FromText(string? text) =>
            parse(text, out var value) ? value : throw new JsonException($"'{text}' is not one of {Names()}");

        /// <summary>A value outside the enum (an unset 0, a cast number) has no name: refused rather than written as a guess.</summary>
        private string Known(T value) =>
            Enum.IsDefined(value) ? name(value) : throw new JsonException($"{typeof(T).Name} {value} has no wire name");

        private string Names() => string.Join(", ", Enum.GetValues<T>().Select(name));
    }
}
