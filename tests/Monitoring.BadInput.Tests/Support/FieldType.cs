namespace Monitoring.BadInput.Tests.Support;

/// <summary>What a payload field holds on the wire (interfaces.md, MQTT).</summary>
public enum FieldType
{
    /// <summary>A JSON number read as decimal, within [Min, Max].</summary>
    Number,

    /// <summary>seq: a non-negative whole number that fits a long.</summary>
    Counter,

    /// <summary>A non-empty string (ids, names).</summary>
    Text,

    /// <summary>An ISO-8601 time with Z or an offset.</summary>
    Timestamp,

    /// <summary>One of <see cref="PayloadField.Choices"/>, read without regard to case.</summary>
    Choice,

    /// <summary>true or false.</summary>
    Flag,

    /// <summary>schemaVersion: the number 1.</summary>
    Version,

    /// <summary>A string that must equal the topic's id exactly (an observation's optional patientId).</summary>
    TopicId,
}
