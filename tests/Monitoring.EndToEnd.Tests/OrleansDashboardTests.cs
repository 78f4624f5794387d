using System.Net;
using Monitoring.EndToEnd.Tests.Support;

namespace Monitoring.EndToEnd.Tests;

/// <summary>
/// The Orleans Dashboard under /orleans-dashboard: its page, assets and JSON API for the Operator role only (401
/// anonymous, 403 clinical roles, never a redirect to the sign-in page); the Blazor dashboard's pages unaffected.
/// </summary>
[Collection(HostCollection.Name)]
public sealed class OrleansDashboardTests(HostFixture host)
{
    private const string Prefix = "/orleans-dashboard";

    public static TheoryData<string, string, HttpStatusCode> Cases()
    {
        var data = new TheoryData<string, string, HttpStatusCode>();
        foreach (var path in new[] { $"{Prefix}/", $"{Prefix}/index.min.js", $"{Prefix}/DashboardCounters", $"{Prefix}/ClusterStats" })
        {
            data.Add(path, Identity.Anonymous, HttpStatusCode.Unauthorized);
            data.Add(path, Identity.Nurse, HttpStatusCode.Forbidden);
            data.Add(path, Identity.Charge, HttpStatusCode.Forbidden);
            data.Add(path, Identity.Operator, HttpStatusCode.OK);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task The_dashboard_admits_only_the_operator(string path, string identity, HttpStatusCode expected)
    {
        using var session = await Identity.Open(host, identity);

        using var response = await session.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task The_page_and_its_api_answer_the_operator_with_the_cluster()
    {
        using var session = await Identity.Open(host, Identity.Operator);

        using var bare = await session.Http.GetAsync(new Uri(Prefix, UriKind.Relative));
        var page = await session.Http.GetStringAsync(new Uri($"{Prefix}/", UriKind.Relative));
        var counters = await session.Http.GetStringAsync(new Uri($"{Prefix}/DashboardCounters", UriKind.Relative));

        Assert.Equal(HttpStatusCode.MovedPermanently, bare.StatusCode);
        Assert.Equal($"{Prefix}/", PathOf(bare));
        Assert.Contains("<title>Orleans Dashboard</title>", page, StringComparison.Ordinal);
        Assert.Contains(host.Factory.SiloName, counters, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData($"{Prefix}/GrainState?grainId=x&grainType=y")]
    [InlineData($"{Prefix}/Trace")]
    [InlineData($"{Prefix}/Reminders")] // each patient's reminder is named by the patient id
    [InlineData($"{Prefix}/Reminders/1")]
    public async Task Grain_state_reminders_and_the_log_stream_are_refused_even_to_the_operator(string path)
    {
        using var session = await Identity.Open(host, Identity.Operator);

        using var response = await session.Http.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData(Identity.Anonymous, HttpStatusCode.Unauthorized)]
    [InlineData(Identity.Nurse, HttpStatusCode.Forbidden)]
    [InlineData(Identity.Operator, HttpStatusCode.NotFound)]
    public async Task Unknown_paths_under_the_prefix_are_guarded_then_absent(string identity, HttpStatusCode expected)
    {
        using var session = await Identity.Open(host, identity);

        using var get = await session.Http.GetAsync(new Uri($"{Prefix}/no-such-thing", UriKind.Relative));
        using var post = await session.Http.PostAsync(new Uri($"{Prefix}/DashboardCounters", UriKind.Relative), new StringContent(""));

        Assert.Equal(expected, get.StatusCode);
        Assert.Equal(expected, post.StatusCode);
    }

    [Fact]
    public async Task The_blazor_dashboard_keeps_its_pages()
    {
        using var anonymous = host.Anonymous();
        using var nurse = await Identity.Open(host, Identity.Nurse);

        using var signIn = await anonymous.Http.GetAsync(new Uri("/signin", UriKind.Relative));
        using var script = await anonymous.Http.GetAsync(new Uri("/_framework/blazor.web.js", UriKind.Relative));
        using var ward = await nurse.Http.GetAsync(new Uri("/wards/ward-a", UriKind.Relative));
        using var lookalike = await anonymous.Http.GetAsync(new Uri($"{Prefix}-not-the-dashboard", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ward.StatusCode);
        Assert.Contains("_framework/blazor.web.js", await ward.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // Outside the prefix a page path still sends an anonymous browser to the sign-in page.
        Assert.Equal(HttpStatusCode.Redirect, lookalike.StatusCode);
        Assert.Equal("/signin", PathOf(lookalike));
    }

    private string? PathOf(HttpResponseMessage redirect) =>
        redirect.Headers.Location is { } location ? new Uri(host.BaseAddress, location).AbsolutePath : null;
}
