using Monitoring.Host.Options;

namespace Monitoring.Host.Seeds;

/// <summary>A seed file is missing or wrong: the host does not start, and says which file and why.</summary>
public sealed class SeedFileException : StartupRefusedException
{
    public SeedFileException()
    {
    }

    public SeedFileException(string message)
        : base(message)
    {
    }

    public SeedFileException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
