using Microsoft.Extensions.DependencyInjection;
using Monitoring.Simulators.Connections;
using Monitoring.Simulators.Running;
using Monitoring.Simulators.Scenarios;
using Serilog.Core;

namespace Monitoring.Scenarios.Tests.Support;

/// <summary>A host on the virtual clock of its own whose every log event at Debug and above is captured.</summary>
public sealed class CapturingHostFixture : IAsyncLifetime
{
    public CapturingHostFixture()
    {
        Factory = new TestHostFactory(minimumLevel: "Debug", testServices: services => services.AddSingleton<ILogEventSink>(Events));
    }

    public LoggedEvents Events { get; } = new();

    public TestHostFactory Factory { get; }

    public ScenarioRunnerOptions RunnerOptions => new()
    {
        HostUrl = Factory.BaseAddress,
        Mqtt = new MqttEndpoint { Host = "127.0.0.1", Port = Factory.MqttPort },
        Charge = VirtualClockHostFixture.Charge,
        Nurse = VirtualClockHostFixture.Nurse,
        Clock = ClockMode.Virtual,
    };

    public Task InitializeAsync() => Factory.StartReadyAsync(VirtualClockHostFixture.Generous);

    public async Task DisposeAsync() => await Factory.DisposeAsync();
}
