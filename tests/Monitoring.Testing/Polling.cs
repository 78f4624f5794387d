using System.Net;
using System.Text.Json;

namespace Monitoring.Testing;

/// <summary>
/// The one wait-until of the test suites: polls until a condition holds or a read is accepted, within a generous
/// deadline. Nothing here measures time as pass or fail: the deadline only turns a hang into a failure that names what
/// was awaited (and, for a read, what it last returned).
/// </summary>
public static class Polling
{
    /// <summary>The deadline when a caller names none: long enough for a loaded two-core machine.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan LongestPause = TimeSpan.FromMilliseconds(100);
    private static readonly JsonSerializerOptions Shown = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Reads until <paramref name="accept"/> holds and returns what it accepted; past <paramref name="within"/>
    /// (<see cref="Generous"/> by default) it throws a <see cref="TimeoutException"/> naming <paramref name="what"/> and the
    /// last read, as <paramref name="describe"/> shows it (JSON by default).
    /// </summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> accept, string what, TimeSpan? within = null, Func<T, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(accept);
        var limit = within ?? Generous;
        var deadline = DateTime.UtcNow + limit;
        var pause = FirstPause;
        T last;
        while (true)
        {
            last = await read();
            if (accept(last))
            {
                return last;
            }

            if (DateTime.UtcNow >= deadline)
            {
                break;
            }

            // Quick at first (an in-process condition is usually a few ms away), then no busier than every 100 ms.
            await Task.Delay(pause);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, LongestPause.Ticks));
        }

        throw new TimeoutException($"{what}: not within {limit.TotalSeconds} s; last: {(describe is null ? Show(last) : describe(last))}");
    }

    /// <summary><see cref="Until{T}(Func{Task{T}}, Func{T, bool}, string, TimeSpan?, Func{T, string}?)"/> for a read that does not wait.</summary>
    public static Task<T> Until<T>(Func<T> read, Func<T, bool> accept, string what, TimeSpan? within = null, Func<T, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        return Until(() => Task.FromResult(read()), accept, what, within, describe);
    }

    /// <summary>Polls until <paramref name="condition"/> holds; past <paramref name="within"/> it throws naming <paramref name="what"/>.</summary>
    public static Task Until(Func<Task<bool>> condition, string what, TimeSpan? within = null) =>
        Until(condition, held => held, what, within, _ => "false");

    /// <summary><see cref="Until(Func{Task{bool}}, string, TimeSpan?)"/> for a condition that does not wait.</summary>
    public static Task Until(Func<bool> condition, string what, TimeSpan? within = null)
    {
        ArgumentNullException.ThrowIfNull(condition);
        return Until(() => Task.FromResult(condition()), what, within);
    }

    /// <summary>
    /// Polls GET /health/ready on <paramref name="http"/> until it answers 200; a refused or timed-out request (Kestrel
    /// not listening yet) counts as not ready. <paramref name="check"/>, if given, runs before each try and may throw
    /// (a host process that exited will never be ready).
    /// </summary>
    public static Task UntilReady(HttpClient http, TimeSpan? within = null, Action? check = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        return Until(
            async () =>
            {
                check?.Invoke();
                try
                {
                    using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                    return (Ready: response.StatusCode == HttpStatusCode.OK, Said: $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    return (Ready: false, Said: e.Message);
                }
            },
            answer => answer.Ready,
            $"the host at {http.BaseAddress} ready (/health/ready answering 200)",
            within,
            answer => answer.Said);
    }

    private static string Show<T>(T last)
    {
        try
        {
            var shown = last is string text ? text : JsonSerializer.Serialize(last, Shown);
            return shown.Length <= 2_000 ? shown : string.Concat(shown.AsSpan(0, 2_000), " …");
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or JsonException)
        {
            return $"{last}";
        }
    }
}
