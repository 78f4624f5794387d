namespace Monitoring.Dashboard.Services;

/// <summary>The contract's roles as the dashboard checks them (the host's cookie carries them as role claims).</summary>
public static class DashboardRoles
{
    public const string Nurse = "Nurse";

    public const string ChargeNurse = "ChargeNurse";

    /// <summary>For [Authorize(Roles = ...)]: the clinical pages.</summary>
    public const string Clinical = "Nurse,ChargeNurse";
}
