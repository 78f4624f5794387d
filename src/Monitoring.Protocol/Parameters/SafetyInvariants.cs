namespace Monitoring.Protocol.Parameters;

/// <summary>
/// The one clinical number that is deliberately code, not data: the guideline's hard ceiling.
/// The protocol file may set the ceiling lower, never higher, so no configuration mistake can
/// raise the limit that protects against a 10x keying error.
/// </summary>
public static class SafetyInvariants
{
    /// <summary>Guideline: maximum infusion rate 0.5 mg/kg/h (clinical-protocol.md, CEILING).</summary>
    public const decimal CeilingNeverAboveMgPerKgPerHour = 0.5m;
}
