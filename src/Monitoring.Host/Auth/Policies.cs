namespace Monitoring.Host.Auth;

/// <summary>Authorization policies, one per "role" column value of the contract's route table.</summary>
public static class Policies
{
    /// <summary>Any signed-in user (logout, the hub connection itself).</summary>
    public const string SignedIn = "SignedIn";

    /// <summary>"Nurse, ChargeNurse": reading patients, wards and alerts, charting observations.</summary>
    public const string ClinicalStaff = "ClinicalStaff";

    /// <summary>"ChargeNurse": admissions, devices, decisions, acknowledgements, the audit trail.</summary>
    public const string ChargeNurse = "ChargeNurse";

    /// <summary>"Operator": metrics and the Orleans Dashboard, no patient data.</summary>
    public const string Operator = "Operator";
}
