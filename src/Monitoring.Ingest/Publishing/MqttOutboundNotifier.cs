using System.Text.Json;
using Microsoft.Extensions.Logging;
using Monitoring.Contracts;
using Monitoring.Contracts.Services;
using Monitoring.Contracts.Views;
using Monitoring.Ingest.Mqtt;
using Monitoring.Ingest.Topics;

namespace Monitoring.Ingest.Publishing;

/// <summary>
/// The outbound route: the alert's JSON (camelCase, as REST shows it) to monitoring/escalations and, when
/// configured, the same bytes to the webhook. Both are tried; it fails only when no route took the alert.
/// </summary>
public sealed partial class MqttOutboundNotifier(IMqttPublisher publisher, WebhookNotifier webhook, ILogger<MqttOutboundNotifier> logger)
    : IOutboundNotifier
{
    private static readonly JsonSerializerOptions AlertJson = WireEnumJsonConverter.AddTo(new(JsonSerializerDefaults.Web));

    /// <exception cref="AggregateException">Neither route took the alert.</exception>
    public async Task NotifyAsync(AlertView alert, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(alert);
        var json = Serialize(alert);
        var failures = new List<Exception>();
        try
        {
            await publisher.PublishAsync(TopicMap.EscalationsTopic, json, waitForConnection: true, cancellationToken).ConfigureAwait(false);
        }
        catch (MqttPublishException ex)
        {
            failures.Add(ex);
            LogRouteFailed(logger, ex, TopicMap.EscalationsTopic, alert.Id, alert.RuleId, alert.WardId);
        }

        if (webhook.IsConfigured)
        {
            try
            {
                await webhook.PostAsync(json, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is HttpRequestException || (ex is TaskCanceledException && !cancellationToken.IsCancellationRequested))
            {
                failures.Add(ex);
                LogRouteFailed(logger, ex, "webhook", alert.Id, alert.RuleId, alert.WardId);
            }
        }

        var routes = webhook.IsConfigured ? 2 : 1;
        if (failures.Count == routes)
        {
            throw new AggregateException($"alert {alert.Id} ({alert.RuleId}) reached no outbound route", failures);
        }
    }

    internal static byte[] Serialize(AlertView alert) => JsonSerializer.SerializeToUtf8Bytes(alert, AlertJson);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbound route {Route} did not take alert {AlertId} ({RuleId}) of ward {WardId}")]
    private static partial void LogRouteFailed(ILogger logger, Exception exception, string route, string alertId, string ruleId, string wardId);
}
