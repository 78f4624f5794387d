namespace Monitoring.Protocol.Evaluation;

/// <summary>Which bound sets the rate allowed now.</summary>
public enum AllowedRateBound
{
    /// <summary>The protocol's ceiling (inclusive: exactly at it is allowed).</summary>
    Ceiling,

    /// <summary>The course order's maximum (inclusive).</summary>
    Order,

    /// <summary>The patient-specific maximum (inclusive).</summary>
    PatientLimit,

    /// <summary>After a hallucination restart: strictly below the pre-pause dose rate (exclusive).</summary>
    RestartLower,
}
