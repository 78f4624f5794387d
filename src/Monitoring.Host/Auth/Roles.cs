namespace Monitoring.Host.Auth;

/// <summary>The contract's roles (interfaces.md, REST).</summary>
public static class Roles
{
    public const string Nurse = "Nurse";

    public const string ChargeNurse = "ChargeNurse";

    /// <summary>Metrics and the Orleans Dashboard only: no patient data.</summary>
    public const string Operator = "Operator";

    public static IReadOnlyList<string> All { get; } = [Nurse, ChargeNurse, Operator];

    /// <summary>The role as the contract spells it, or null for an unknown one.</summary>
    public static string? Normalise(string? role) =>
        All.FirstOrDefault(r => string.Equals(r, role?.Trim(), StringComparison.OrdinalIgnoreCase));
}
