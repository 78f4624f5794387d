using System.Collections.Concurrent;
using System.Net;

namespace Monitoring.Ingest.Tests.Support;

/// <summary>An HTTP endpoint that records what it is sent and answers with a fixed status.</summary>
internal sealed class RecordingHandler(HttpStatusCode status) : HttpMessageHandler
{
    public ConcurrentQueue<(Uri? Uri, string Body, string? ContentType)> Requests { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Enqueue((request.RequestUri, body, request.Content?.Headers.ContentType?.MediaType));
        return new HttpResponseMessage(status);
    }
}
