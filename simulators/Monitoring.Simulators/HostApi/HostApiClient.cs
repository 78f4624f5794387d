using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Monitoring.Simulators.Messaging;

namespace Monitoring.Simulators.HostApi;

/// <summary>One signed-in user's REST session with the product (cookie sign-in), as any external client has.</summary>
public sealed class HostApiClient : IDisposable
{
    private readonly HttpClient _http;

    public HostApiClient(Uri baseUrl, HttpMessageHandler? innerHandler = null)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        BaseUrl = baseUrl;
        var handler = innerHandler ?? new HttpClientHandler { CookieContainer = Cookies, UseCookies = true };
        _http = new HttpClient(handler, disposeHandler: true) { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    }

    public Uri BaseUrl { get; }

    /// <summary>The session cookie, shared with the SignalR connection of the same user.</summary>
    public CookieContainer Cookies { get; } = new();

    public string? SignedInAs { get; private set; }

    public async Task LoginAsync(HostCredentials credentials, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        var response = await SendAsync(HttpMethod.Post, HostRoutes.Login, new { username = credentials.Username, password = credentials.Password }, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccess)
        {
            throw new HostApiException($"sign-in as {credentials.Username} refused", response);
        }

        SignedInAs = credentials.Username;
    }

    public async Task<HostResponse> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is not null)
        {
            request.Content = body is JsonNode node
                ? JsonContent.Create(node, options: WireFormat.Options)
                : JsonContent.Create(body, body.GetType(), options: WireFormat.Options);
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        return new HostResponse((int)response.StatusCode, text);
    }

    public Task<HostResponse> GetAsync(string path, CancellationToken cancellationToken) => SendAsync(HttpMethod.Get, path, null, cancellationToken);

    public Task<HostResponse> PostAsync(string path, object? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Post, path, body, cancellationToken);

    public Task<HostResponse> PutAsync(string path, object? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Put, path, body, cancellationToken);

    public Task<HostResponse> PatchAsync(string path, object? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Patch, path, body, cancellationToken);

    public Task<HostResponse> DeleteAsync(string path, object? body, CancellationToken cancellationToken) => SendAsync(HttpMethod.Delete, path, body, cancellationToken);

    public void Dispose() => _http.Dispose();
}
