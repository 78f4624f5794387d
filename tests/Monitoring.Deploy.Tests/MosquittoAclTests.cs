using Monitoring.Deploy.Tests.Support;
using MQTTnet;

namespace Monitoring.Deploy.Tests;

/// <summary>The committed deploy/mosquitto config and ACL enforce the contract's per-user topics (interfaces.md).</summary>
[Collection(MosquittoCollection.Name)]
public sealed class MosquittoAclTests(DeployedMosquitto broker)
{
    private static readonly TimeSpan Quiet = TimeSpan.FromMilliseconds(700);
    private static readonly string[] ServiceUsers = ["monitoring", "simulator", "charting", "gateway", "healthcheck"];

    [Fact]
    public void Make_passwd_wrote_every_user_hashed()
    {
        Assert.Contains("wrote", broker.MakePasswdOutput, StringComparison.Ordinal);
        var entries = File.ReadAllLines(broker.PasswdPath).Where(l => l.Length > 0)
            .Select(l => (User: l[..l.IndexOf(':', StringComparison.Ordinal)], Hash: l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..]))
            .ToList();

        // Every service user and every device, once each and nobody else.
        var passwords = ServiceUsers.ToDictionary(u => u, u => broker.Password($"mqtt-{u}-password"));
        foreach (var device in DeployedMosquitto.Devices)
        {
            passwords[device] = device[(device.IndexOf('/', StringComparison.Ordinal) + 1)..] + "-secret";
        }

        Assert.Equal(passwords.Keys.Order(StringComparer.Ordinal), entries.Select(e => e.User).Order(StringComparer.Ordinal));

        // Each line a salted PBKDF2-SHA512 hash as mosquitto_passwd writes it ($7$iterations$salt$hash, base64), never the password.
        Assert.All(entries, e =>
        {
            Assert.Matches(@"^\$7\$[0-9]+\$[A-Za-z0-9+/]+=*\$[A-Za-z0-9+/]+=*$", e.Hash);
            Assert.DoesNotContain(passwords[e.User], e.Hash, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Anonymous_clients_and_wrong_passwords_are_refused()
    {
        var (anonymous, _) = await MqttUser.TryConnectAsync(broker.Tls, null, null);
        var (wrong, _) = await MqttUser.TryConnectAsync(broker.Tls, "monitoring", "not-the-password");
        var (unknownDevice, _) = await MqttUser.TryConnectAsync(broker.Tls, "pumps/pump-99", "pump-99-secret");

        Assert.NotEqual(MqttClientConnectResultCode.Success, anonymous);
        Assert.NotEqual(MqttClientConnectResultCode.Success, wrong);
        Assert.NotEqual(MqttClientConnectResultCode.Success, unknownDevice);
    }

    [Fact]
    public async Task A_pump_publishes_only_its_own_status_and_bolus_and_the_product_receives_them()
    {
        await using var product = await Product();
        await using var pump = await MqttUser.ConnectAsync(broker.Tls, "pumps/pump-01", "pump-01-secret");

        Assert.Equal(MqttClientPublishReasonCode.Success, await pump.PublishAsync("devices/pumps/pump-01/status", "own-status"));
        Assert.Equal(MqttClientPublishReasonCode.Success, await pump.PublishAsync("devices/pumps/pump-01/bolus", "own-bolus"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await pump.PublishAsync("devices/pumps/pump-02/status", "spoofed"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await pump.PublishAsync("devices/pumps/pump-01/cmd", "own-command"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await pump.PublishAsync("monitoring/escalations", "fake"));

        await WaitForAsync(product, 2);
        await Task.Delay(Quiet);
        Assert.Equal(["own-bolus", "own-status"], product.Received.Select(m => m.Payload).Order());
    }

    [Fact]
    public async Task Only_the_product_commands_a_pump_and_only_that_pump_reads_its_commands()
    {
        await using var product = await Product();
        await using var pump1 = await MqttUser.ConnectAsync(broker.Tls, "pumps/pump-01", "pump-01-secret");
        await using var pump2 = await MqttUser.ConnectAsync(broker.Tls, "pumps/pump-02", "pump-02-secret");

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await pump1.SubscribeAsync("devices/pumps/pump-01/cmd"));
        // Mosquitto grants the subscription but never delivers what the ACL does not let the user read.
        await pump2.SubscribeAsync("devices/pumps/pump-01/cmd");
        Assert.Equal(MqttClientPublishReasonCode.Success, await product.PublishAsync("devices/pumps/pump-01/cmd", "pause"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await product.PublishAsync("devices/pumps/pump-01/status", "product-spoofing-a-pump"));

        await WaitForAsync(pump1, 1);
        await Task.Delay(Quiet);
        Assert.Equal(("devices/pumps/pump-01/cmd", "pause"), Assert.Single(pump1.Received));
        Assert.Empty(pump2.Received);
    }

    /// <summary>
    /// The four device rules of the contract (issue 7, security), each against the committed ACL: a pump cannot publish
    /// as another pump, to its own cmd, or to any patient's observations; a device cannot read others' commands, by
    /// name or by wildcard. Mosquitto 2.0.11 grants a SUBACK for a filter the user may not read and then delivers
    /// nothing through it, so what is asserted is delivery: the owner gets its command, nobody else gets anything.
    /// </summary>
    [Fact]
    public async Task The_contracts_four_device_rules_hold_with_the_committed_acl()
    {
        await using var product = await Product();
        await using var pump1 = await MqttUser.ConnectAsync(broker.Tls, "pumps/pump-01", "pump-01-secret");
        await using var pump2 = await MqttUser.ConnectAsync(broker.Tls, "pumps/pump-02", "pump-02-secret");
        await using var monitor = await MqttUser.ConnectAsync(broker.Tls, "monitors/monitor-01", "monitor-01-secret");

        // 1. Not as another pump (status or bolus).
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await pump2.PublishAsync("devices/pumps/pump-01/status", "as-pump-01-status"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await pump2.PublishAsync("devices/pumps/pump-01/bolus", "as-pump-01-bolus"));

        // 2. Not to its own cmd (nor another's).
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await pump1.PublishAsync("devices/pumps/pump-01/cmd", "own-cmd"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await pump1.PublishAsync("devices/pumps/pump-02/cmd", "other-cmd"));

        // 3. Not to any patient's observations.
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await pump1.PublishAsync("patients/p1/observations", "pump-observation"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await pump2.PublishAsync("patients/p2/observations", "pump-observation"));

        // 4. Not read another device's commands: by name, by wildcard, or everything.
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await pump1.SubscribeAsync("devices/pumps/pump-01/cmd"));
        foreach (var filter in new[] { "devices/pumps/pump-01/cmd", "devices/pumps/+/cmd", "devices/#", "#" })
        {
            await pump2.SubscribeAsync(filter);
            await monitor.SubscribeAsync(filter);
        }

        Assert.Equal(MqttClientPublishReasonCode.Success, await product.PublishAsync("devices/pumps/pump-01/cmd", "pause-pump-01"));

        // A legitimate message on each path after the refused ones, so their absence is judged after later ones arrived.
        Assert.Equal(MqttClientPublishReasonCode.Success, await pump1.PublishAsync("devices/pumps/pump-01/status", "pump-01-status"));
        Assert.Equal(MqttClientPublishReasonCode.Success, await pump2.PublishAsync("devices/pumps/pump-02/bolus", "pump-02-bolus"));
        await WaitForAsync(pump1, 1);
        await WaitForAsync(product, 3);
        await Task.Delay(Quiet);

        Assert.Equal(("devices/pumps/pump-01/cmd", "pause-pump-01"), Assert.Single(pump1.Received));
        // Devices read nothing but their own cmd: not pump-01's command, nor anything else their wildcards match.
        Assert.Empty(pump2.Received);
        Assert.Empty(monitor.Received);
        // The product (which reads devices/#, its own command included) got the legitimate messages and none refused.
        Assert.Equal(["pause-pump-01", "pump-01-status", "pump-02-bolus"], product.Received.Select(m => m.Payload).Order());
    }

    [Fact]
    public async Task A_monitor_publishes_only_its_own_vitals()
    {
        await using var product = await Product();
        await using var monitor = await MqttUser.ConnectAsync(broker.Tls, "monitors/monitor-01", "monitor-01-secret");

        Assert.Equal(MqttClientPublishReasonCode.Success, await monitor.PublishAsync("devices/monitors/monitor-01/vitals", "vitals"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await monitor.PublishAsync("devices/monitors/monitor-02/vitals", "spoofed"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await monitor.PublishAsync("devices/pumps/pump-01/status", "spoofed"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await monitor.PublishAsync("patients/p1/observations", "spoofed"));

        await WaitForAsync(product, 1);
        await Task.Delay(Quiet);
        Assert.Equal("vitals", Assert.Single(product.Received).Payload);
    }

    /// <summary>
    /// Issue 13 item 17: with one pattern per topic for every user, a monitor could publish pump status (and a pump
    /// vitals) under its own id, and the product would take it for a pump. Each device's user names its type.
    /// </summary>
    [Fact]
    public async Task A_device_publishes_nothing_under_another_device_types_topics_even_with_its_own_id()
    {
        await using var product = await Product();
        await using var monitor = await MqttUser.ConnectAsync(broker.Tls, "monitors/monitor-01", "monitor-01-secret");
        await using var pump = await MqttUser.ConnectAsync(broker.Tls, "pumps/pump-01", "pump-01-secret");

        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await monitor.PublishAsync("devices/pumps/monitor-01/status", "monitor-as-pump-status"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await monitor.PublishAsync("devices/pumps/monitor-01/bolus", "monitor-as-pump-bolus"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await pump.PublishAsync("devices/monitors/pump-01/vitals", "pump-as-monitor-vitals"));
        Assert.Equal(MqttClientPublishReasonCode.Success, await monitor.PublishAsync("devices/monitors/monitor-01/vitals", "monitor-vitals"));

        await WaitForAsync(product, 1);
        await Task.Delay(Quiet);
        Assert.Equal("monitor-vitals", Assert.Single(product.Received).Payload);
    }

    [Fact]
    public async Task The_charting_app_writes_observations_only_and_the_simulator_speaks_for_every_device()
    {
        await using var product = await Product();
        await using var charting = await MqttUser.ConnectAsync(broker.Tls, "charting", broker.Password("mqtt-charting-password"));
        await using var simulator = await MqttUser.ConnectAsync(broker.Tls, "simulator", broker.Password("mqtt-simulator-password"));

        Assert.Equal(MqttClientPublishReasonCode.Success, await charting.PublishAsync("patients/p1/observations", "pain"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await charting.PublishAsync("devices/pumps/pump-01/status", "spoofed"));
        Assert.Equal(MqttClientPublishReasonCode.Success, await simulator.PublishAsync("devices/pumps/pump-07/status", "sim-status"));
        Assert.Equal(MqttClientPublishReasonCode.Success, await simulator.PublishAsync("devices/monitors/monitor-07/vitals", "sim-vitals"));
        Assert.Equal(MqttClientPublishReasonCode.NotAuthorized, await simulator.PublishAsync("devices/pumps/pump-07/cmd", "sim-command"));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await simulator.SubscribeAsync("devices/pumps/+/cmd"));

        await WaitForAsync(product, 3);
        await Task.Delay(Quiet);
        Assert.Equal(["pain", "sim-status", "sim-vitals"], product.Received.Select(m => m.Payload).Order());
    }

    [Fact]
    public async Task A_host_away_gets_what_was_published_meanwhile_on_its_persistent_session()
    {
        var clientId = "monitoring-persist-" + Guid.NewGuid().ToString("N")[..6];
        var host = await MqttUser.ConnectAsync(broker.Tls, "monitoring", broker.Password("mqtt-monitoring-password"), clientId, cleanStart: false);
        await host.SubscribeAsync("devices/#");
        await host.DisconnectAsync();
        await host.DisposeAsync();

        await using (var pump = await MqttUser.ConnectAsync(broker.Tls, "pumps/pump-02", "pump-02-secret"))
        {
            for (var i = 0; i < 50; i++)
            {
                Assert.Equal(MqttClientPublishReasonCode.Success, await pump.PublishAsync("devices/pumps/pump-02/status", $"while-away-{i}"));
            }
        }

        await using var back = await MqttUser.ConnectAsync(broker.Tls, "monitoring", broker.Password("mqtt-monitoring-password"), clientId, cleanStart: false);
        await WaitForAsync(back, 50);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"while-away-{i}"), back.Received.Select(m => m.Payload));
    }

    [Fact]
    public async Task The_health_check_user_reads_the_broker_uptime_and_nothing_else()
    {
        // As compose's health check does: over the plain listener, which only the container's own loopback reaches.
        await using var health = await MqttUser.ConnectAsync(broker.PlainLoopback, "healthcheck", broker.Password("mqtt-healthcheck-password"));

        await using var pump = await MqttUser.ConnectAsync(broker.Tls, "pumps/pump-01", "pump-01-secret");

        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await health.SubscribeAsync("$SYS/broker/uptime"));
        await WaitForAsync(health, 1);
        await health.SubscribeAsync("devices/#");
        await pump.PublishAsync("devices/pumps/pump-01/status", "not-for-the-health-check");
        await Task.Delay(Quiet);
        Assert.All(health.Received, m => Assert.Equal("$SYS/broker/uptime", m.Topic));
    }

    /// <summary>
    /// Issue 13 item 17: passwords no longer cross the network in clear. The listener compose publishes speaks TLS only:
    /// a plain MQTT client gets no CONNACK there, and a TLS client that does not trust the ward CA refuses the broker.
    /// </summary>
    [Fact]
    public async Task The_published_listener_speaks_only_TLS_with_a_certificate_of_the_ward_CA()
    {
        var (plain, _) = await MqttUser.TryConnectAsync(broker.Tls with { TrustedCa = null }, "monitoring", broker.Password("mqtt-monitoring-password"));
        var strangerCa = new BrokerEndpoint(broker.Tls.Port, StrangerCa());
        var (untrusted, _) = await MqttUser.TryConnectAsync(strangerCa, "monitoring", broker.Password("mqtt-monitoring-password"));
        await using var trusted = await MqttUser.ConnectAsync(broker.Tls, "monitoring", broker.Password("mqtt-monitoring-password"));

        Assert.NotEqual(MqttClientConnectResultCode.Success, plain);
        Assert.NotEqual(MqttClientConnectResultCode.Success, untrusted);
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await trusted.SubscribeAsync("devices/#"));
    }

    [Fact]
    public async Task Make_passwd_refuses_a_device_user_that_does_not_name_its_type()
    {
        var script = Path.Combine(broker.SecretsFolder, "..", "mosquitto", "make-passwd.sh");
        var passwd = Path.Combine(broker.SecretsFolder, "..", "mosquitto", "passwd");
        var before = await File.ReadAllTextAsync(passwd);

        var run = await Tool.RunAsync("bash", [script, "monitor-01"], broker.SecretsFolder, standardInput: "x\n");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("must be pumps/<id> or monitors/<id>", run.StdErr, StringComparison.Ordinal);
        // Refused before anything was written: the broker's users are as they were.
        Assert.Equal(before, await File.ReadAllTextAsync(passwd));
    }

    private async Task<MqttUser> Product()
    {
        var product = await MqttUser.ConnectAsync(broker.Tls, "monitoring", broker.Password("mqtt-monitoring-password"));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await product.SubscribeAsync("devices/#"));
        Assert.Equal(MqttClientSubscribeResultCode.GrantedQoS1, await product.SubscribeAsync("patients/#"));
        return product;
    }

    private static System.Security.Cryptography.X509Certificates.X509Certificate2 StrangerCa()
    {
        using var key = System.Security.Cryptography.RSA.Create(2048);
        var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=Some other CA", key, System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new System.Security.Cryptography.X509Certificates.X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(ca.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Cert));
    }

    private Task<int> WaitForAsync(MqttUser user, int count) =>
        Polling.Until(() => user.Received.Count, n => n >= count, $"{count} messages received", TimeSpan.FromSeconds(15), n => $"{n}; broker log: {broker.Log()}");
}
