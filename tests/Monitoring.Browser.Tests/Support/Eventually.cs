namespace Monitoring.Browser.Tests.Support;

public static class Eventually
{
    /// <summary>Polls until <paramref name="accept"/> holds, or fails naming what did not happen.</summary>
    public static async Task<T> Until<T>(Func<Task<T>> read, Func<T, bool> accept, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
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

        throw new TimeoutException($"{what}: not within the deadline; last: {last}");
    }
}
