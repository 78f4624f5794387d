namespace Monitoring.Simulators.Devices;

/// <summary>How a simulated pump treats the product's commands, so scenarios can exercise COMMAND_NOT_CONFIRMED.</summary>
public enum PumpCommandBehaviour
{
    /// <summary>Carries out valid commands, answers expired ones `expired` and invalid ones `rejected`.</summary>
    Obey,

    /// <summary>Answers every command `rejected`.</summary>
    Reject,

    /// <summary>Never answers (a pump whose firmware drops the command).</summary>
    Ignore,
}
