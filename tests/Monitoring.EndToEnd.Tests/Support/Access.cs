namespace Monitoring.EndToEnd.Tests.Support;

/// <summary>Who a route admits, as the contract's route table says.</summary>
public enum Access
{
    Anyone,
    SignedIn,
    NurseOrCharge,
    ChargeOnly,
    OperatorOnly,
}
