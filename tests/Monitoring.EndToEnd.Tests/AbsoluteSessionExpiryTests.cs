using System.Diagnostics;
using System.Net;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// Issue 13 item 12: a session ends at its absolute time however active it is (the sliding idle expiry alone never
/// ended a session that kept making requests). Auth:AbsoluteSessionHours is 0.001 h (3.6 s) on this host.
/// </summary>
public sealed class AbsoluteSessionExpiryTests
{
    [Fact]
    public async Task An_active_session_ends_at_its_absolute_time_and_stays_ended()
    {
        var host = new HostFixture(new MonitoringHostFactory(new Dictionary<string, string?>
        {
            ["Auth:AbsoluteSessionHours"] = "0.001",
        }));
        try
        {
            await host.InitializeAsync();
            using var session = await host.SignIn(TestUsers.Nurse);
            var clock = Stopwatch.StartNew();
            var answers = new List<(TimeSpan At, HttpStatusCode Status)>();
            while (clock.Elapsed < TimeSpan.FromSeconds(8))
            {
                using var me = await session.Http.GetAsync(new Uri("/api/auth/me", UriKind.Relative));
                answers.Add((clock.Elapsed, me.StatusCode));
                await Task.Delay(300);
            }

            // Active throughout: OK at first, refused from the absolute time on, never OK again.
            Assert.Equal(HttpStatusCode.OK, answers[0].Status);
            var firstRefused = answers.FindIndex(a => a.Status == HttpStatusCode.Unauthorized);
            Assert.True(firstRefused > 0, string.Join(", ", answers));
            Assert.InRange(answers[firstRefused].At, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(6));
            Assert.All(answers.Skip(firstRefused), a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        }
        finally
        {
            await host.DisposeAsync();
        }
    }
}
