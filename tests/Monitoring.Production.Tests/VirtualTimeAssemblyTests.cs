using Monitoring.Production.Tests.Support;
using Xunit.Abstractions;
using static Monitoring.Production.Tests.Support.KillScenario;

namespace Monitoring.Production.Tests;

/// <summary>
/// Issue 14: the test-only virtual clock lives in its own assembly (src/Monitoring.VirtualTime), which a host loads
/// only when Testing:VirtualClock is on. Checked on host processes through the files they have mapped: the same
/// production profile with the clock on (as every other test here runs it) maps the assembly, with it off it does not.
/// </summary>
[Collection(StoresCollection.Name)]
public sealed class VirtualTimeAssemblyTests(Stores stores, ITestOutputHelper output)
{
    private const string Assembly = "Monitoring.VirtualTime.dll";

    private readonly Action<string> _log = OutputLog.Of(output);

    [Fact]
    public async Task A_host_without_the_virtual_clock_never_loads_its_assembly()
    {
        var off = new Dictionary<string, string> { ["Testing:VirtualClock"] = "false" };
        await using (var plain = await HostProcess.StartAsync(stores, ClusterIdentity.New(), "vt-off", HostPorts.Free(), WholeSecondNow(), _log, off))
        {
            // A patient admitted: grains activated, their timers armed on the product's clock (the system's here).
            using var charge = await plain.SignIn(TestUsers.Charge);
            await ProductionHost.Admit(charge, NewPatientId(), "B7");
            Assert.DoesNotContain(Assembly, plain.MappedFiles());
            Assert.Contains("Monitoring.Host.dll", plain.MappedFiles());
        }

        await using var clocked = await HostProcess.StartAsync(stores, ClusterIdentity.New(), "vt-on", HostPorts.Free(), WholeSecondNow(), _log);
        Assert.Contains(Assembly, clocked.MappedFiles());
    }
}
