using System.Text.Json.Nodes;

namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>
/// A host whose seeds hold a second ward (ward-b) and a nurse who may see only it (<see cref="NurseB"/>); the demo nurse
/// and charge nurse see only ward-a (seeds/users.json); <see cref="ChargeB"/> is ward-b's charge nurse.
/// </summary>
public sealed class TwoWardHostFixture : IAsyncLifetime
{
    public const string OtherWard = "ward-b";

    public static readonly (string Username, string Password) NurseB = ("nurse-b", "nurse-b-password");

    /// <summary>A charge nurse of ward-b only.</summary>
    public static readonly (string Username, string Password) ChargeB = ("charge-b", "charge-b-password");

    private readonly string _seeds = Path.Combine(Path.GetTempPath(), $"two-ward-seeds-{Guid.NewGuid():N}");

    public TwoWardHostFixture()
    {
        CopySeedsWithWardB(_seeds);
        Host = new HostFixture(new MonitoringHostFactory(new Dictionary<string, string?>
        {
            ["Seeds:Path"] = _seeds,
            ["Auth:Users:3:Username"] = NurseB.Username,
            ["Auth:Users:3:Role"] = "Nurse",
            ["Auth:Users:3:PasswordHash"] = TestUsers.HashOf(NurseB.Password),
            ["Auth:Users:3:Wards:0"] = OtherWard,
            ["Auth:Users:4:Username"] = ChargeB.Username,
            ["Auth:Users:4:Role"] = "ChargeNurse",
            ["Auth:Users:4:PasswordHash"] = TestUsers.HashOf(ChargeB.Password),
            ["Auth:Users:4:Wards:0"] = OtherWard,
        }));
    }

    public HostFixture Host { get; }

    public Task InitializeAsync() => Host.InitializeAsync();

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        Directory.Delete(_seeds, recursive: true);
    }

    private static void CopySeedsWithWardB(string target)
    {
        var source = Path.Combine(AppContext.BaseDirectory, "seeds");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }

        var wardB = new JsonObject
        {
            ["id"] = OtherWard,
            ["displayName"] = "Ward B",
            ["mode"] = "enforcing",
            ["beds"] = new JsonArray("b-01"),
            ["devices"] = new JsonArray(),
        };
        File.WriteAllText(Path.Combine(target, "wards", $"{OtherWard}.json"), wardB.ToJsonString());
    }
}
