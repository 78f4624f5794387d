using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.BadInput.Tests.Support;

/// <summary>
/// One whole host (silo, embedded MQTT broker, Kestrel) for the REST and pipeline classes, its log captured, with
/// a charge nurse and a nurse signed in and the fuzz patients admitted.
/// </summary>
public sealed class BadInputHost : IAsyncLifetime
{
    public HostFixture Host { get; } = new(new MonitoringHostFactory(CapturedLog.Settings));

    public Session Charge { get; private set; } = null!;

    public Session Nurse { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Host.InitializeAsync();
        Charge = await Host.SignIn(TestUsers.Charge);
        Nurse = await Host.SignIn(TestUsers.Nurse);
        for (var i = 0; i < RestRoutes.Patients.Length; i++)
        {
            await Ward.Admit(Charge, RestRoutes.Patients[i], $"bed-{i + 1:00}");
        }
    }

    public async Task DisposeAsync()
    {
        Charge?.Dispose();
        Nurse?.Dispose();
        await Host.DisposeAsync();
    }
}
