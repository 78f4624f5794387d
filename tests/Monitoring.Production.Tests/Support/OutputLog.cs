using Xunit.Abstractions;

namespace Monitoring.Production.Tests.Support;

/// <summary>
/// A test's output as a line sink for background writers (a host process's stdout): a line that arrives after the test
/// has ended (xunit then refuses writes) is dropped instead of failing the reader thread.
/// </summary>
public static class OutputLog
{
    public static Action<string> Of(ITestOutputHelper output) => line =>
    {
        try
        {
            output.WriteLine(line);
        }
        catch (InvalidOperationException)
        {
            // The test is over.
        }
    };
}
