namespace Monitoring.Application.Ports;

/// <summary>Tells a failure of the clinical store (grain state could not be read or written) from any other exception.</summary>
public interface IStoreFailures
{
    bool IsStoreUnreachable(Exception exception);
}
