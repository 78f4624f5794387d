namespace Monitoring.Ingest.Parsing;

/// <summary>Unwinds the parser at the first unreadable field; never leaves <see cref="PayloadParser"/>.</summary>
internal sealed class PayloadRefusedException(Refusal refusal) : Exception(refusal.Reason)
{
    public Refusal Refusal { get; } = refusal;
}
