namespace Monitoring.Testing;

/// <summary>Polls a read until what it returns is accepted, within a generous deadline: nothing here measures time as pass or fail.</summary>
public static class Polling
{
    /// <summary>
    /// Reads every 100 ms until <paramref name="accept"/> holds and returns what it accepted; past
    /// <paramref name="within"/> it fails naming <paramref name="what"/> and the last read (as <paramref name="describe"/> shows it).
    /// </summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> accept, string what, TimeSpan within, Func<T, string>? describe = null)
    {
        ArgumentNullException.ThrowIfNull(read);
        ArgumentNullException.ThrowIfNull(accept);
        var deadline = DateTime.UtcNow + within;
        T last;
        do
        {
            last = await read();
            if (accept(last))
            {
                return last;
            }

            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);

        var shown = describe is null ? $"{last}" : describe(last);
        throw new TimeoutException($"{what}: not within {within.TotalSeconds} s; last: {shown}");
    }
}
