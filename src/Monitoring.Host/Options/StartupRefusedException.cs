namespace Monitoring.Host.Options;

/// <summary>The host refuses to start: a seed file or a setting is wrong. The message says which and why.</summary>
public class StartupRefusedException : Exception
{
    public StartupRefusedException()
    {
    }

    public StartupRefusedException(string message)
        : base(message)
    {
    }

    public StartupRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
