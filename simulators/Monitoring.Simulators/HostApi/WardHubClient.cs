using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace Monitoring.Simulators.HostApi;

/// <summary>
/// The ward hub as a dashboard uses it: join the ward, receive alert events. After a reconnect it joins
/// again and asks GetWard, so nothing raised meanwhile is missed.
/// </summary>
public sealed class WardHubClient : IAsyncDisposable
{
    public const string AlertRaised = "alertRaised";
    public const string AlertChanged = "alertChanged";
    public const string AlertEscalated = "alertEscalated";
    public const string PatientUpdated = "patientUpdated";

    private readonly HubConnection _connection;
    private readonly HashSet<string> _wards = new(StringComparer.Ordinal);

    /// <param name="onEvent">Called with the event name and its payload (an alert or a snapshot).</param>
    public WardHubClient(HostApiClient signedIn, Action<string, JsonElement> onEvent)
    {
        ArgumentNullException.ThrowIfNull(signedIn);
        ArgumentNullException.ThrowIfNull(onEvent);
        _connection = new HubConnectionBuilder()
            .WithUrl(new Uri(signedIn.BaseUrl, HostRoutes.WardHub), options => options.Cookies = signedIn.Cookies)
            .WithAutomaticReconnect()
            .Build();
        foreach (var name in new[] { AlertRaised, AlertChanged, AlertEscalated, PatientUpdated })
        {
            _connection.On<JsonElement>(name, payload => onEvent(name, payload));
        }

        _connection.Reconnected += async _ =>
        {
            foreach (var ward in Wards())
            {
                await _connection.InvokeAsync("JoinWard", ward).ConfigureAwait(false);
                // GetWard resynchronises; what it returns is handed on as if pushed.
                var state = await _connection.InvokeAsync<JsonElement>("GetWard", ward).ConfigureAwait(false);
                onEvent("getWard", state);
            }
        };
    }

    public Task StartAsync(CancellationToken cancellationToken) => _connection.StartAsync(cancellationToken);

    public async Task JoinWardAsync(string wardId, CancellationToken cancellationToken)
    {
        lock (_wards)
        {
            _wards.Add(wardId);
        }

        await _connection.InvokeAsync("JoinWard", wardId, cancellationToken).ConfigureAwait(false);
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private string[] Wards()
    {
        lock (_wards)
        {
            return [.. _wards];
        }
    }
}
