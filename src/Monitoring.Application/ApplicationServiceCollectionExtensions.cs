using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Monitoring.Application.Alerts;
using Monitoring.Application.Clinical;
using Monitoring.Application.Devices;
using Monitoring.Application.Handling;
using Monitoring.Application.Observations;
using Monitoring.Application.Patients;

namespace Monitoring.Application;

/// <summary>Registers every use case. The host supplies the ports (IWardAccess, IStoreFailures, IObservationParser).</summary>
public static class ApplicationServiceCollectionExtensions
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.TryAddSingleton<UseCaseServices>();
        services.AddSingleton<AdmitPatientHandler>();
        services.AddSingleton<UpdatePatientHandler>();
        services.AddSingleton<DischargePatientHandler>();
        services.AddSingleton<AssociateDevicesHandler>();
        services.AddSingleton<ReleaseDeviceHandler>();
        services.AddSingleton<AddDeviceToWardHandler>();
        services.AddSingleton<ChartObservationHandler>();
        services.AddSingleton<RetractObservationHandler>();
        services.AddSingleton<TakeActionHandler>();
        services.AddSingleton<RecordReviewHandler>();
        services.AddSingleton<RecordOrderHandler>();
        services.AddSingleton<SetLimitsHandler>();
        services.AddSingleton<AcknowledgeAlertHandler>();
        services.AddSingleton<UseCases>();
        return services;
    }
}
