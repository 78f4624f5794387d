using System.Globalization;
using System.Net;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// The host's persistent session on a real Mosquitto: what a pump publishes while the host is down (broker up) waits
/// in the session of the host's client id and is applied when a host with the same Mqtt:ClientId returns.
/// </summary>
public sealed class MosquittoSessionTests
{
    [Fact]
    public async Task A_bolus_published_while_the_host_is_down_is_applied_when_a_host_with_the_same_client_id_returns()
    {
        const string patientId = "mq-offline";
        await using var broker = await MosquittoBroker.StartAsync(["pump-01"]);
        var clientId = $"monitoring-e2e-{Guid.NewGuid():N}";
        await using var pump = await MosquittoDevice.Connect(broker, "pump-01", "e2e");

        // A host with the fixed client id: the patient, the pump, a first bolus applied.
        var first = new HostFixture(new MonitoringHostFactory(MosquittoHostFixture.BrokerSettings(broker, clientId)));
        try
        {
            await first.InitializeAsync();
            using var charge = await first.SignIn(TestUsers.Charge);
            await Ward.AdmitWithDevices(charge, patientId, "bed-01", "pump-01", "monitor-01");
            await pump.Bolus(1, MosquittoRestartTests.Dose(1));
            await Polling.Until(() => Ward.Patient(charge, patientId), p => Ward.DeliveredMg(p) == MosquittoRestartTests.Dose(1), "the first bolus applied");
        }
        finally
        {
            await first.DisposeAsync();
        }

        // The host is down, the broker up: three boluses, each acknowledged by the broker into the host's session.
        var expected = 0m;
        for (long seq = 2; seq <= 4; seq++)
        {
            await pump.Bolus(seq, MosquittoRestartTests.Dose(seq));
            expected += MosquittoRestartTests.Dose(seq);
        }

        // The embedded storage is in memory, so the returning host must be given its patient before the waiting
        // messages reach it: it reaches the broker through a relay the test opens only after the admission.
        var relayPort = FreePorts.Next();
        await using var relay = new TcpForwarder(relayPort, broker.Port);
        var settings = MosquittoHostFixture.BrokerSettings(broker, clientId);
        settings["Mqtt:Port"] = relayPort.ToString(CultureInfo.InvariantCulture);
        settings["Mqtt:ReconnectMaxDelay"] = "00:00:02";
        var second = new HostFixture(new MonitoringHostFactory(settings));
        try
        {
            second.Start();
            using var charge = await second.SignIn(TestUsers.Charge);
            await Ward.AdmitWithDevices(charge, patientId, "bed-01", "pump-01", "monitor-01");
            using (var anonymous = second.Anonymous())
            {
                Assert.Equal(HttpStatusCode.ServiceUnavailable, (await anonymous.Http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode);
            }

            Assert.Equal(0m, Ward.DeliveredMg(await Ward.Patient(charge, patientId)));

            relay.Open();
            await second.WaitUntilReady();
            var snapshot = await Polling.Until(() => Ward.Patient(charge, patientId), p => Ward.DeliveredMg(p) >= expected, "the boluses published while the host was down applied");
            Assert.Equal(expected, Ward.DeliveredMg(snapshot));
        }
        finally
        {
            await second.DisposeAsync();
        }
    }
}
