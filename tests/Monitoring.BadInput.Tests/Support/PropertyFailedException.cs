namespace Monitoring.BadInput.Tests.Support;

/// <summary>A property the suite checks did not hold (CsCheck shrinks the input and prints it with its seed).</summary>
public sealed class PropertyFailedException : Exception
{
    public PropertyFailedException()
    {
    }

    public PropertyFailedException(string message)
        : base(message)
    {
    }

    public PropertyFailedException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
