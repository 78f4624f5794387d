using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using Monitoring.Ingest.Configuration;

namespace Monitoring.Ingest.Publishing;

/// <summary>POSTs an alert's JSON to Notifications:WebhookUrl (a pager or phone gateway), when one is set.</summary>
public sealed class WebhookNotifier(IHttpClientFactory httpClientFactory, IOptions<NotificationsOptions> options)
{
    public const string HttpClientName = "Monitoring.Ingest.Webhook";

    private readonly string? _url = options.Value.WebhookUrl;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(_url);

    /// <exception cref="HttpRequestException">The gateway did not answer with success.</exception>
    public async Task PostAsync(byte[] json, CancellationToken cancellationToken)
    {
        if (!IsConfigured)
        {
            return;
        }

        using var client = httpClientFactory.CreateClient(HttpClientName);
        using var content = new ByteArrayContent(json);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await client.PostAsync(new Uri(_url!), content, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
