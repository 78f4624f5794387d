namespace Monitoring.Host.Options;

/// <summary>
/// What only a developer's or a test's machine may turn on: the demo users (published passwords) and the virtual clock.
/// Decided by name, not by "not Production": Staging, production-like or a misspelt environment name refuse them too.
/// </summary>
public static class DevelopmentOnly
{
    /// <summary>The environment a test run may name besides Development.</summary>
    public const string TestEnvironment = "Test";

    public static bool IsDevelopmentOrTest(IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        return environment.IsDevelopment() || environment.IsEnvironment(TestEnvironment);
    }

    /// <summary>
    /// Embedded development mode: memory storage in a Development or Test environment (the broker may be a test's
    /// Mosquitto). The container image runs as Production, so its memory default has no demo users.
    /// </summary>
    public static bool IsEmbeddedDevelopment(IHostEnvironment environment, StorageOptions storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        return IsDevelopmentOrTest(environment) && storage.IsEmbedded;
    }
}
