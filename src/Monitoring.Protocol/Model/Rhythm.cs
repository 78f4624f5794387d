namespace Monitoring.Protocol.Model;

public enum Rhythm
{
    Sinus,
    Af,
    Flutter,
    Vt,
    Vf,
    Asystole,
    Other,
}
