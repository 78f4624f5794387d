namespace Monitoring.Protocol.Parameters;

public sealed record SedationParameters(int RassAtOrBelow, TimeSpan AssessmentAfterChange, TimeSpan AssessmentRoutine);
