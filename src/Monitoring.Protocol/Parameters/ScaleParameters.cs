namespace Monitoring.Protocol.Parameters;

/// <summary>The ranges of the charted scales: pain NRS and RASS.</summary>
public sealed record ScaleParameters(int PainMin, int PainMax, int RassMin, int RassMax);
