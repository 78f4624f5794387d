namespace Monitoring.EndToEnd.Tests.Support;

public static class Identity
{
    public const string Anonymous = "anonymous";
    public const string Nurse = "nurse";
    public const string Charge = "charge";
    public const string Operator = "operator";

    public static IReadOnlyList<string> All { get; } = [Anonymous, Nurse, Charge, Operator];

    public static async Task<Session> Open(HostFixture host, string identity) => identity switch
    {
        Anonymous => host.Anonymous(),
        Nurse => await host.SignIn(TestUsers.Nurse),
        Charge => await host.SignIn(TestUsers.Charge),
        Operator => await host.SignIn(TestUsers.Operator),
        _ => throw new ArgumentOutOfRangeException(nameof(identity), identity, null),
    };

    /// <summary>The status the contract demands (401 or 403), or null where the identity is admitted.</summary>
    public static int? Refusal(Access access, string identity) => (access, identity) switch
    {
        (Access.Anyone, _) => null,
        (_, Anonymous) => 401,
        (Access.SignedIn, _) => null,
        (Access.NurseOrCharge, Nurse or Charge) => null,
        (Access.ChargeOnly, Charge) => null,
        (Access.OperatorOnly, Operator) => null,
        _ => 403,
    };
}
