using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Application.Access;
using Monitoring.Contracts.Views;
using Monitoring.Dashboard.Display;
using Monitoring.Dashboard.Live;
using Monitoring.Dashboard.Services;
using Monitoring.Protocol.Parameters;

namespace Monitoring.Dashboard.Components.Pages;

/// <summary>
/// A page that shows a ward live: on the circuit it opens a <see cref="WardLiveView"/> (push feed, throttled
/// redraws, watcher of the ward); while prerendering it only reads the ward once.
/// </summary>
public abstract class LiveWardPage : ComponentBase, IAsyncDisposable
{
    private string? _wardId;
    private long _renders;

    [Inject]
    protected IServiceProvider Services { get; set; } = default!;

    [Inject]
    protected IDashboardData Data { get; set; } = default!;

    [Inject]
    protected IWardDirectory Directory { get; set; } = default!;

    [Inject]
    protected IClinicalCommands Commands { get; set; } = default!;

    [CascadingParameter]
    protected Task<AuthenticationState>? AuthenticationState { get; set; }

    protected ClaimsPrincipal User { get; private set; } = new();

    protected bool IsCharge => User.IsInRole(Roles.ChargeNurse);

    protected WardModel Model { get; private set; } = new("");

    protected WardInfo? Ward { get; private set; }

    protected ProtocolParameters? Parameters { get; private set; }

    protected DoseScale? Scale { get; private set; }

    protected Freshness? Freshness { get; private set; }

    /// <summary>The ward's time zone, cascaded to every component that shows a time (UTC until a ward is known).</summary>
    protected WardTimeZone Zone { get; private set; } = WardTimeZone.Utc;

    protected WardLiveView? Live { get; private set; }

    protected string? WardError { get; private set; }

    /// <summary>Pushes this view received / times it drew itself (shown small in the footer, and read by the load test).</summary>
    protected long PushCount => Live?.Pushes ?? 0;

    protected long RenderCount => _renders;

    public async ValueTask DisposeAsync()
    {
        OnDisposing();
        await StopAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>A page's own timers stop here.</summary>
    protected virtual void OnDisposing()
    {
    }

    protected async Task LoadUserAsync()
    {
        if (AuthenticationState is not null)
        {
            User = (await AuthenticationState).User;
        }
    }

    /// <summary>Shows <paramref name="wardId"/> (again only when it changed).</summary>
    protected async Task ShowWardAsync(string wardId)
    {
        if (wardId == _wardId)
        {
            return;
        }

        await StopAsync();
        _wardId = wardId;
        Ward = Directory.Find(wardId);
        Parameters = Directory.ParametersFor(wardId);
        Scale = DoseScale.From(Parameters);
        Freshness = Display.Freshness.From(Parameters);
        Zone = WardTimeZone.Of(Parameters.Ward);
        WardError = Ward is null ? $"Ward '{wardId}' is not configured." : null;
        if (Ward is null)
        {
            Model = new WardModel(wardId);
            return;
        }

        if (RendererInfo.IsInteractive)
        {
            Live = ActivatorUtilities.CreateInstance<WardLiveView>(Services);
            await Live.StartAsync(wardId, User.Identity?.Name ?? "unknown", () => InvokeAsync(StateHasChanged));
            Model = Live.Model;
        }
        else
        {
            Model = new WardModel(wardId);
            try
            {
                Model.Load(await Data.GetWard(wardId));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                WardError = "The ward could not be read just now.";
            }
        }
    }

    protected Task<CommandOutcome> AcknowledgeAsync(AlertView alert, string? note) => Commands.Acknowledge(User, alert, note);

    protected override void OnAfterRender(bool firstRender) => Interlocked.Increment(ref _renders);

    private async Task StopAsync()
    {
        if (Live is not null)
        {
            await Live.DisposeAsync();
            Live = null;
        }
    }
}
