using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Monitoring.Bench.Servers;
using Monitoring.Simulators.HostApi;

namespace Monitoring.Bench.Soak;

/// <summary>
/// A charge nurse's hub connection to one host, joined to every soak ward, feeding <see cref="SeenState"/> with every
/// patientUpdated and alertRaised. While its host is down it keeps trying (sign-in again, a new connection): the other
/// host's watcher sees the cluster's pushes meanwhile.
/// </summary>
public sealed class HubWatcher(HostProcess host, IReadOnlyList<string> wards, SeenState seen, Stopwatch clock) : IAsyncDisposable
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);
    private HubConnection? _connection;
    private HostApiClient? _session;

    public int Connects { get; private set; }

    /// <summary>Connects and keeps connected until <paramref name="cancellationToken"/> ends the run.</summary>
    public async Task KeepAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (_connection?.State is not HubConnectionState.Connected and not HubConnectionState.Connecting and not HubConnectionState.Reconnecting)
            {
                try
                {
                    await ConnectAsync(cancellationToken);
                }
                catch (Exception ex) when (ex is HttpRequestException or HostApiException or HubException or TaskCanceledException or InvalidOperationException or IOException && !cancellationToken.IsCancellationRequested)
                {
                    // The host is down or not ready: try again at the next check.
                }
            }

            try
            {
                await Task.Delay(CheckEvery, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _session?.Dispose();
    }

    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await DisposeAsync();
        _connection = null;
        _session = new HostApiClient(host.Url);
        await _session.LoginAsync(host.Charge, cancellationToken);
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(host.Url, HostRoutes.WardHub), options => options.Cookies = _session.Cookies)
            .Build();
        connection.On<JsonElement>(WardHubClient.PatientUpdated, snapshot => seen.Snapshot(snapshot, clock.Elapsed.TotalSeconds));
        connection.On<JsonElement>(WardHubClient.AlertRaised, seen.Alert);
        connection.On<JsonElement>(WardHubClient.AlertChanged, seen.Alert);
        _connection = connection;
        await connection.StartAsync(cancellationToken);
        foreach (var ward in wards)
        {
            await connection.InvokeAsync<JsonElement>("JoinWard", ward, cancellationToken);
        }

        Connects++;
    }
}
