namespace Monitoring.Simulators.Devices;

/// <summary>
/// One numeric vital sign: a target it ramps towards, a slow mean-reverting drift around it (the trend a
/// nurse sees over an hour) and per-reading scatter.
/// </summary>
internal sealed class VitalChannel(double value, double scatter, double wander, double min, double max)
{
    private double _current = value;
    private double _rampFrom = value;
    private double _target = value;
    private DateTimeOffset _rampStart;
    private TimeSpan _rampLength;
    private double _drift;

    public double Target => _target;

    public void RampTo(double target, DateTimeOffset now, TimeSpan over)
    {
        _rampFrom = _current;
        _target = target;
        _rampStart = now;
        _rampLength = over;
        if (over <= TimeSpan.Zero)
        {
            _current = target;
        }
    }

    public double Read(DateTimeOffset now, TimeSpan sinceLast, Random random, bool noisy)
    {
        _current = _rampLength <= TimeSpan.Zero || now >= _rampStart + _rampLength
            ? _target
            : _rampFrom + ((_target - _rampFrom) * ((now - _rampStart) / _rampLength));
        if (!noisy)
        {
            return Math.Clamp(_current, min, max);
        }

        // Ornstein-Uhlenbeck step: the drift decays towards 0 and is kicked so its spread stays `wander`.
        var decay = Math.Exp(-sinceLast.TotalSeconds / Physiology.WanderTimeConstant.TotalSeconds);
        _drift = (_drift * decay) + (wander * Math.Sqrt(1 - (decay * decay)) * Gaussian(random));
        return Math.Clamp(_current + _drift + (scatter * Gaussian(random)), min, max);
    }

    // Box-Muller: a standard normal sample from two uniform ones.
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
