using Monitoring.Contracts.Messages;
using Monitoring.Contracts.Views;

namespace Monitoring.Host.Alerts;

/// <summary>What an acknowledgement came to: the grain's answer and, on success, the alert as it now stands.</summary>
public sealed record AcknowledgeOutcome(GrainResult Result, AlertView? Alert);
