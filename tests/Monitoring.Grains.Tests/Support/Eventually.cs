namespace Monitoring.Grains.Tests.Support;

/// <summary>Waits for something that arrives asynchronously (a push, a ward update), with a generous timeout.</summary>
public static class Eventually
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    public static async Task<T> Get<T>(Func<Task<T>> read, Func<T, bool> done, string what)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var value = await read();
            if (done(value))
            {
                return value;
            }

            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"timed out waiting for {what}");
            }

            await Task.Delay(20);
        }
    }

    public static Task<T> Get<T>(Func<T> read, Func<T, bool> done, string what) => Get(() => Task.FromResult(read()), done, what);
}
