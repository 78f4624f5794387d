namespace Monitoring.Protocol.Evaluation;

/// <summary>Why an order or a patient limit is refused: the JSON field at fault and a reason a charge nurse can act on.</summary>
public sealed record OrderRefusal(string Field, string Reason);
