using System.Text.Json;
using Monitoring.Bench.Servers;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Bench.Soak;

/// <summary>
/// REST reads as the charge nurse from whichever host answers: a failed read (host down, store away) moves on to the
/// other host and signs in again there, so the soak can read through any single fault.
/// </summary>
public sealed class SoakApi(IReadOnlyList<HostProcess> hosts) : IDisposable
{
    private HostApiClient? _client;
    private int _host;

    /// <summary>The beds' snapshots of one ward (GET /api/wards/{id}).</summary>
    public async Task<IReadOnlyList<JsonElement>> WardBedsAsync(string wardId, CancellationToken cancellationToken)
    {
        var ward = await GetAsync(HostRoutes.Ward(wardId), cancellationToken);
        return [.. ward.GetProperty("beds").EnumerateArray()];
    }

    /// <summary>Every alert of every ward: those not resolved and those resolved.</summary>
    public async Task<IReadOnlyList<JsonElement>> AlertsAsync(CancellationToken cancellationToken)
    {
        var open = await GetAsync("/api/alerts", cancellationToken);
        var resolved = await GetAsync("/api/alerts?state=resolved", cancellationToken);
        return [.. open.EnumerateArray(), .. resolved.EnumerateArray()];
    }

    /// <summary>Every alert not resolved, of every ward.</summary>
    public async Task<IReadOnlyList<JsonElement>> OpenAlertsAsync(CancellationToken cancellationToken) =>
        [.. (await GetAsync("/api/alerts", cancellationToken)).EnumerateArray()];

    /// <summary>The charge nurse acknowledges an alert; false when the host refused (a store away: try again later).</summary>
    public async Task<bool> AcknowledgeAsync(string alertId, string note, CancellationToken cancellationToken)
    {
        var answer = await SendAsync(c => c.PostAsync(HostRoutes.AlertAcknowledge(alertId), new { note }, cancellationToken), cancellationToken);
        return answer.IsSuccess;
    }

    public async Task<IReadOnlyList<JsonElement>> AuditAsync(string patientId, CancellationToken cancellationToken) =>
        [.. (await GetAsync($"/api/audit?patientId={Uri.EscapeDataString(patientId)}", cancellationToken)).EnumerateArray()];

    /// <summary>/metrics of one host as the operator (its counters count since that process started).</summary>
    public static async Task<string> MetricsAsync(HostProcess host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        using var client = new HostApiClient(host.Url);
        await client.LoginAsync(host.Operator, cancellationToken);
        var response = await client.GetAsync("/metrics", cancellationToken);
        return response.IsSuccess ? response.Body : "";
    }

    public void Dispose() => _client?.Dispose();

    private async Task<JsonElement> GetAsync(string path, CancellationToken cancellationToken)
    {
        var response = await SendAsync(c => c.GetAsync(path, cancellationToken), cancellationToken, path);
        return JsonDocument.Parse(response.Body).RootElement.Clone();
    }

    /// <summary>Sends on the current host; on an error or (with <paramref name="mustSucceed"/>) a refusal, on the other.</summary>
    private async Task<HostResponse> SendAsync(Func<HostApiClient, Task<HostResponse>> send, CancellationToken cancellationToken, string? mustSucceed = null)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < hosts.Count * 2; attempt++)
        {
            try
            {
                if (_client is null)
                {
                    _client = new HostApiClient(hosts[_host].Url);
                    await _client.LoginAsync(hosts[_host].Charge, cancellationToken);
                }

                var response = await send(_client);
                if (response.IsSuccess || mustSucceed is null)
                {
                    return response;
                }

                last = new InvalidOperationException($"{mustSucceed} answered {response.StatusCode} on {hosts[_host].Name}");
            }
            catch (Exception ex) when (ex is HttpRequestException or HostApiException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                last = ex;
            }

            _client?.Dispose();
            _client = null;
            _host = (_host + 1) % hosts.Count;
            await Task.Delay(500, cancellationToken);
        }

        throw new InvalidOperationException($"no host answered {mustSucceed ?? "a request"}", last);
    }
}
