namespace Monitoring.Host.Endpoints;

public static class ApiEndpoints
{
    /// <summary>
    /// The whole /api group: signed-in users only unless a route says otherwise, and 401/403 instead of a
    /// redirect to a sign-in page (.NET 10 only knows this for endpoints marked as APIs).
    /// </summary>
    public static WebApplication MapMonitoringApi(this WebApplication app)
    {
        var api = app.MapGroup("/api")
            .DisableCookieRedirect()
            .RequireAuthorization();

        api.MapAuthEndpoints()
            .MapPatientEndpoints()
            .MapDeviceEndpoints()
            .MapClinicalEndpoints()
            .MapOrderEndpoints()
            .MapWardEndpoints()
            .MapAlertEndpoints()
            .MapAuditEndpoints();
        return app;
    }
}
