namespace Monitoring.Bench.Soak;

/// <summary>
/// One kind of message over the run. Applied: shown in the patient's record (a reading in a snapshot the grain built, an
/// observation in the audit trail). Lost: acknowledged by the broker and not applied (must be 0), see
/// <see cref="SoakChecker"/>. Unseen during a host kill: an acknowledged reading no snapshot showed, sent while a host
/// was down or failing over, and followed by a later reading of the same device that was shown: the dying host's
/// pushes, and every push while the cluster's push notifier moves to the survivor, are lost with it, so such a reading
/// may have been applied unseen; counted apart, never counted as applied.
/// </summary>
public sealed record MessageFigures(string Kind, long Published, long Acknowledged, long Applied, long Lost, long UnseenDuringHostKill);
