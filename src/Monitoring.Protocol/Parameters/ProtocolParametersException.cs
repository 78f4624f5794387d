namespace Monitoring.Protocol.Parameters;

/// <summary>The protocol file is missing a value or holds one the product refuses; start-up must stop.</summary>
public sealed class ProtocolParametersException : Exception
{
    public ProtocolParametersException(IReadOnlyList<string> errors)
        : base("The protocol parameters are invalid: " + string.Join("; ", errors))
    {
        Errors = errors;
    }

    public ProtocolParametersException() : this([]) { }

    public ProtocolParametersException(string message) : base(message) => Errors = [message];

    public ProtocolParametersException(string message, Exception innerException) : base(message, innerException) => Errors = [message];

    /// <summary>One message per bad field, each naming the field by its JSON path.</summary>
    public IReadOnlyList<string> Errors { get; } = [];
}
