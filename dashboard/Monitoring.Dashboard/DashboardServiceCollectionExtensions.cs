using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Dashboard.Live;
using Monitoring.Dashboard.Services;
using Radzen;

namespace Monitoring.Dashboard;

public static class DashboardServiceCollectionExtensions
{
    /// <summary>
    /// The dashboard's own services: Radzen, the cascading sign-in state, grain reads and commands, the
    /// per-circuit connection handler (each view makes its own WardLiveView). The host adds Razor components, an
    /// <see cref="IWardDirectory"/>, the in-process <see cref="Contracts.Services.IWardFeed"/> and an
    /// <see cref="IDeviceFeedStatus"/> (no default: a page that cannot tell whether device data arrives must not render).
    /// </summary>
    public static IServiceCollection AddMonitoringDashboard(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DashboardOptions>().Bind(configuration.GetSection(DashboardOptions.Section));
        services.AddRadzenComponents();
        services.AddCascadingAuthenticationState();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IDashboardData, GrainDashboardData>();
        services.TryAddScoped<IClinicalCommands, UseCaseClinicalCommands>();
        services.TryAddScoped<CircuitConnection>();
        services.TryAddEnumerable(ServiceDescriptor.Scoped<CircuitHandler, CircuitConnection>(sp => sp.GetRequiredService<CircuitConnection>()));
        return services;
    }
}
