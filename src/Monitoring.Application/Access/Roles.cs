namespace Monitoring.Application.Access;

/// <summary>The contract's roles (interfaces.md, REST): the one list the host, the hub, the pages and the use cases check.</summary>
public static class Roles
{
    public const string Nurse = "Nurse";

    public const string ChargeNurse = "ChargeNurse";

    /// <summary>Metrics and the Orleans Dashboard only: no patient data.</summary>
    public const string Operator = "Operator";

    /// <summary>For [Authorize(Roles = ...)]: the clinical pages.</summary>
    public const string Clinical = Nurse + "," + ChargeNurse;

    public static IReadOnlyList<string> All { get; } = [Nurse, ChargeNurse, Operator];

    /// <summary>The role as the contract spells it, or null for an unknown one.</summary>
    public static string? Normalise(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
