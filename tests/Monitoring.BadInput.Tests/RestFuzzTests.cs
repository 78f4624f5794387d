using System.Diagnostics;
using CsCheck;
using Monitoring.BadInput.Tests.Support;
using Xunit.Abstractions;

namespace Monitoring.BadInput.Tests;

/// <summary>
/// Issue 7, part 3: mutated and random requests to every write route of interfaces.md on a whole in-process host,
/// signed in as charge nurse and as nurse. Never a 5xx; every 4xx a problem with the field and a specific error;
/// nothing logged at Error or Fatal.
/// </summary>
[Collection(HostCollection.Name)]
public class RestFuzzTests(BadInputHost fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Mutated_requests_to_every_route_are_answered_below_500_with_a_specific_problem()
    {
        var iterations = Budget.Of(5_000);
        var watch = Stopwatch.StartNew();
        await RestRoutes.Any.SampleAsync(
            async c => await Check(c),
            iter: iterations,
            threads: 4,
            print: c => c.ToString());
        output.WriteLine($"{iterations} requests in {watch.Elapsed.TotalSeconds:0.0} s ({iterations / watch.Elapsed.TotalSeconds:0} per second)");
        CapturedLog.Instance.AssertNoErrors();
    }

    /// <summary>The answer checked; a failure carries the host's last Error event, which says why.</summary>
    private async Task Check(RestCase c)
    {
        try
        {
            await ProblemCheck.Verify(await Send(c), c.Path);
        }
        catch (PropertyFailedException ex)
        {
            var errors = CapturedLog.Instance.Errors();
            throw new PropertyFailedException(errors.Count == 0 ? ex.Message : $"{ex.Message}; the host logged: {Json.Show(errors[^1], 3000)}", ex);
        }
    }

    private async Task<HttpResponseMessage> Send(RestCase c)
    {
        var session = c.AsNurse ? fixture.Nurse : fixture.Charge;
        using var request = new HttpRequestMessage(new HttpMethod(c.Method), new Uri(c.Path, UriKind.Relative));
        if (c.Body is not null)
        {
            request.Content = new ByteArrayContent(c.Body);
            request.Content.Headers.ContentType = null;
            if (c.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", c.ContentType);
            }
        }

        return await session.Http.SendAsync(request);
    }
}
