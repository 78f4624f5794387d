using System.Text.Json;
using Microsoft.Extensions.Logging;
using Monitoring.Contracts;
using Monitoring.Contracts.Services;
using Monitoring.Ingest.Mqtt;
using Monitoring.Ingest.Topics;
using Monitoring.Protocol.Model;

namespace Monitoring.Ingest.Publishing;

/// <summary>Publishes the protocol's pump commands to devices/pumps/{pumpId}/cmd at QoS 1 (interfaces.md).</summary>
public sealed partial class MqttPumpCommandSender(IMqttPublisher publisher, ILogger<MqttPumpCommandSender> logger) : IPumpCommandSender
{
    /// <exception cref="MqttPublishException">The command did not reach the broker; COMMAND_NOT_CONFIRMED follows if it is not resent.</exception>
    public async Task SendAsync(PumpCommand command, string patientId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var topic = TopicMap.PumpCommandTopic(command.PumpId);
        var payload = Serialize(command, patientId);
        try
        {
            await publisher.PublishAsync(topic, payload, waitForConnection: true, cancellationToken).ConfigureAwait(false);
        }
        catch (MqttPublishException ex)
        {
            LogFailed(logger, ex, command.Kind, command.CommandId, command.PumpId, command.RuleId);
            throw;
        }

        LogSent(logger, command.Kind, command.CommandId, command.PumpId, command.RuleId, command.RateMlPerHour);
    }

    /// <summary>{commandId, command, rateMlPerHour (setRate only), patientId, ruleId, ts, expiresAt}.</summary>
    internal static byte[] Serialize(PumpCommand command, string patientId)
    {
        if (command.Kind == PumpCommandKind.SetRate && command.RateMlPerHour is null)
        {
            throw new ArgumentException($"setRate command {command.CommandId} carries no rate", nameof(command));
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("commandId", command.CommandId);
            writer.WriteString("command", Wire.Name(command.Kind));
            if (command.Kind == PumpCommandKind.SetRate)
            {
                writer.WriteNumber("rateMlPerHour", command.RateMlPerHour!.Value);
            }

            writer.WriteString("patientId", patientId);
            writer.WriteString("ruleId", command.RuleId);
            writer.WriteString("ts", command.IssuedAt.UtcDateTime);
            writer.WriteString("expiresAt", command.ExpiresAt.UtcDateTime);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Command} {CommandId} to pump {PumpId} for {RuleId} (rate {RateMlPerHour} mL/h)")]
    private static partial void LogSent(ILogger logger, PumpCommandKind command, string commandId, string pumpId, string ruleId, decimal? rateMlPerHour);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not send {Command} {CommandId} to pump {PumpId} for {RuleId}")]
    private static partial void LogFailed(ILogger logger, Exception exception, PumpCommandKind command, string commandId, string pumpId, string ruleId);
}
