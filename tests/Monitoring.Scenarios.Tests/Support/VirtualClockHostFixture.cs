using Monitoring.Simulators.Connections;
using Monitoring.Simulators.HostApi;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;

namespace Monitoring.Scenarios.Tests.Support;

/// <summary>One host on the virtual clock, shared by the collection: started once, ready before any test runs.</summary>
public sealed class VirtualClockHostFixture : IAsyncLifetime
{
    /// <summary>Generous real-time limits: a slow machine must not fail a correct product.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(60);

    /// <summary>The demo users of seeds/users.json (passwords as the host's README states).</summary>
    public static readonly HostCredentials Charge = new("charge", "charge-demo");
    public static readonly HostCredentials Nurse = new("nurse", "nurse-demo");

    public TestHostFactory Factory { get; } = new();

    public Uri BaseAddress { get; private set; } = null!;

    public MqttEndpoint Mqtt => new() { Host = "127.0.0.1", Port = Factory.MqttPort };

    /// <summary>How the suite plays scenarios: on the host's virtual clock, never silently in real time.</summary>
    public ScenarioRunnerOptions RunnerOptions => new()
    {
        HostUrl = BaseAddress,
        Mqtt = Mqtt,
        Charge = Charge,
        Nurse = Nurse,
        Clock = ClockMode.Virtual,
    };

    public async Task InitializeAsync()
    {
        await Factory.StartReadyAsync(Generous);
        BaseAddress = Factory.BaseAddress;
    }

    public async Task DisposeAsync() => await Factory.DisposeAsync();

    public async Task<HostApiClient> SignIn(HostCredentials user)
    {
        var client = new HostApiClient(BaseAddress);
        using var timeout = new CancellationTokenSource(Generous);
        await client.LoginAsync(user, timeout.Token);
        return client;
    }
}
