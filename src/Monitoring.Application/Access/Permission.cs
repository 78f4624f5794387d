namespace Monitoring.Application.Access;

/// <summary>What a use case asks of its caller's role (interfaces.md, REST: the roles column).</summary>
public enum Permission
{
    /// <summary>Nurse or ChargeNurse: sees patient data, charts observations.</summary>
    ClinicalStaff,

    /// <summary>ChargeNurse: acknowledges, admits, associates devices, makes the protocol's decisions.</summary>
    ChargeNurse,
}
