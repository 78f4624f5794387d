using Monitoring.Application.Access;
using Microsoft.AspNetCore.Identity;
using Monitoring.EndToEnd.Tests.Support;
using Monitoring.Host.Auth;
using Monitoring.Host.Seeds;
using Monitoring.Protocol.Evaluation;

namespace Monitoring.EndToEnd.Tests;

/// <summary>The seeds the host ships, and bad ward files stopping start-up with a message that names them.</summary>
public sealed class SeedLoaderTests : IDisposable
{
    private static readonly string Shipped = Path.Combine(AppContext.BaseDirectory, "seeds");
    private readonly string _folder = Directory.CreateTempSubdirectory("monitoring-seeds-").FullName;

    public SeedLoaderTests()
    {
        File.Copy(Path.Combine(Shipped, SeedLoader.ProtocolFile), Path.Combine(_folder, SeedLoader.ProtocolFile));
        File.Copy(Path.Combine(Shipped, SeedLoader.UsersFile), Path.Combine(_folder, SeedLoader.UsersFile));
        Directory.CreateDirectory(Path.Combine(_folder, SeedLoader.WardsFolder));
    }

    [Fact]
    public void The_demo_ward_has_twelve_beds_twelve_pumps_and_twelve_monitors_in_enforcing_mode()
    {
        var seeds = SeedLoader.Load(Shipped, loadDemoUsers: true);

        var ward = Assert.Single(seeds.Wards);
        Assert.Equal("ward-a", ward.WardId);
        Assert.Equal(12, ward.Beds.Count);
        Assert.Equal(12, ward.Devices.Count(d => d.Type == DeviceType.Pump));
        Assert.Equal(12, ward.Devices.Count(d => d.Type == DeviceType.Monitor));
        Assert.Contains(ward.Devices, d => d.DeviceId == "pump-01");
        Assert.Contains(ward.Devices, d => d.DeviceId == "monitor-12");
        Assert.True(ward.EnforcingMode);
    }

    [Fact]
    public void The_demo_users_passwords_are_the_ones_the_README_states()
    {
        var users = SeedLoader.Load(Shipped, loadDemoUsers: true).DemoUsers;
        var hasher = new PasswordHasher<ConfiguredUser>();

        foreach (var (username, password, role) in new[]
                 {
                     (TestUsers.Nurse.Username, TestUsers.Nurse.Password, Roles.Nurse),
                     (TestUsers.Charge.Username, TestUsers.Charge.Password, Roles.ChargeNurse),
                     (TestUsers.Operator.Username, TestUsers.Operator.Password, Roles.Operator),
                 })
        {
            var user = Assert.Single(users, u => u.Username == username);
            Assert.Equal(role, user.Role);
            Assert.NotEqual(PasswordVerificationResult.Failed, hasher.VerifyHashedPassword(user, user.PasswordHash, password));
        }
    }

    [Fact]
    public void A_ward_file_with_a_bad_device_type_is_refused_naming_the_file_and_field()
    {
        WriteWard("bad.json", """{"id":"w1","beds":["b1"],"devices":[{"id":"d1","type":"toaster"}]}""");

        var refused = Assert.Throws<SeedFileException>(() => SeedLoader.Load(_folder, loadDemoUsers: false));

        Assert.Contains("bad.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("devices[0].type", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ward_may_override_a_ward_default_but_not_a_guideline_figure()
    {
        WriteWard("ok.json", """{"id":"w-ok","beds":["b1"],"devices":[],"mode":"advisory","overrides":{"comms":{"pumpLostSeconds":20}}}""");
        var ward = Assert.Single(SeedLoader.Load(_folder, loadDemoUsers: false).Wards);
        Assert.False(ward.EnforcingMode);
        Assert.Equal(TimeSpan.FromSeconds(20), ward.Parameters.Comms.PumpLostAfter);

        WriteWard("ok.json", """{"id":"w-ok","beds":["b1"],"overrides":{"doseRate":{"ceilingMgPerKgPerHour":1}}}""");
        var refused = Assert.Throws<SeedFileException>(() => SeedLoader.Load(_folder, loadDemoUsers: false));
        Assert.Contains("ceilingMgPerKgPerHour", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ward_file_with_a_delay_outside_its_range_is_refused_naming_the_file_the_key_and_the_range()
    {
        WriteWard("slow.json", """{"id":"w-slow","beds":["b1"],"overrides":{"alerts":{"escalateHighAfterSeconds":3600}}}""");

        var refused = Assert.Throws<SeedFileException>(() => SeedLoader.Load(_folder, loadDemoUsers: false));

        Assert.Contains("slow.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("overrides.alerts.escalateHighAfterSeconds: 3600 is outside its range 15..180", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ward_takes_its_own_time_zone_or_the_protocol_files_default()
    {
        WriteWard("tokyo.json", """{"id":"w-tokyo","beds":["b1"],"timeZone":"Asia/Tokyo"}""");
        WriteWard("plain.json", """{"id":"w-plain","beds":["b1"]}""");

        var wards = SeedLoader.Load(_folder, loadDemoUsers: false).Wards.ToDictionary(w => w.WardId);

        Assert.Equal("Asia/Tokyo", wards["w-tokyo"].Parameters.Ward.TimeZone);
        Assert.Equal("Europe/London", wards["w-plain"].Parameters.Ward.TimeZone);
        Assert.Equal("Europe/London", Assert.Single(SeedLoader.Load(Shipped, loadDemoUsers: false).Wards, w => w.WardId == "ward-a").Parameters.Ward.TimeZone);
    }

    [Fact]
    public void An_unknown_time_zone_is_refused_at_start_naming_the_file_and_key()
    {
        WriteWard("mars.json", """{"id":"w-mars","beds":["b1"],"timeZone":"Mars/Olympus_Mons"}""");

        var refused = Assert.Throws<SeedFileException>(() => SeedLoader.Load(_folder, loadDemoUsers: false));

        Assert.Contains("mars.json", refused.Message, StringComparison.Ordinal);
        Assert.Contains("timeZone: 'Mars/Olympus_Mons'", refused.Message, StringComparison.Ordinal);

        // The protocol file's default, for wards that name none.
        File.Delete(Path.Combine(_folder, SeedLoader.WardsFolder, "mars.json"));
        var protocolPath = Path.Combine(_folder, SeedLoader.ProtocolFile);
        File.WriteAllText(protocolPath, File.ReadAllText(protocolPath).Replace("\"value\": \"Europe/London\"", "\"value\": \"Nowhere/Atlantis\"", StringComparison.Ordinal));
        refused = Assert.Throws<SeedFileException>(() => SeedLoader.Load(_folder, loadDemoUsers: false));
        Assert.Contains(SeedLoader.ProtocolFile, refused.Message, StringComparison.Ordinal);
        Assert.Contains("ward.timeZone: 'Nowhere/Atlantis'", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_broken_protocol_file_stops_start_up_with_its_message()
    {
        File.WriteAllText(Path.Combine(_folder, SeedLoader.ProtocolFile), "{ not json");

        var refused = Assert.Throws<SeedFileException>(() => SeedLoader.Load(_folder, loadDemoUsers: false));

        Assert.Contains(SeedLoader.ProtocolFile, refused.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private void WriteWard(string name, string json) => File.WriteAllText(Path.Combine(_folder, SeedLoader.WardsFolder, name), json);
}
