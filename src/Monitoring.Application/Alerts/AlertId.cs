using Monitoring.Contracts.Ids;

namespace Monitoring.Application.Alerts;

/// <summary>
/// An alert id says whose alert it is: "p:{patientId}:{n}" for a patient's alert (the patient grain
/// holds it), "w:{wardId}:{n}" for a ward alert (the ward grain holds it).
/// </summary>
public sealed record AlertId(bool IsWardAlert, string OwnerId)
{
    public static bool TryParse(string? text, out AlertId id)
    {
        id = new AlertId(false, "");
        if (string.IsNullOrEmpty(text) || text.Length < 5 || text[1] != ':')
        {
            return false;
        }

        var last = text.LastIndexOf(':');
        if (last <= 2 || last == text.Length - 1 || !text.AsSpan(last + 1).ToString().All(char.IsAsciiDigit))
        {
            return false;
        }

        var owner = text[2..last];
        if (!EntityIds.IsValid(owner) && !WardIds.IsValid(owner))
        {
            // No patient or ward has it (and a blank one cannot even name a grain).
            return false;
        }

        switch (text[0])
        {
            case 'p':
                id = new AlertId(false, owner);
                return true;
            case 'w':
                id = new AlertId(true, owner);
                return true;
            default:
                return false;
        }
    }
}
