using System.Collections.Concurrent;
using System.Diagnostics;
using Monitoring.Protocol.Parameters;
using Monitoring.Simulators.Ward;

namespace Monitoring.Bench.Soak;

/// <summary>
/// Causes the labelled true events at seeded random times, each on a bed of its own: a pump run above the dose-rate
/// ceiling for the patient's weight (CEILING must be raised; the ward enforces, so the product also commands the pump
/// down) and a running pump going silent for longer than the comms-loss limit (PUMP_COMMS_LOST). Every clinical number
/// comes from seeds/ketamine-protocol.json.
/// </summary>
/// <remarks>
/// A bed whose patient already has an open alert of the rule is passed over (its alert would prove nothing about this
/// event): the next unused bed is taken, and while every one is covered (a broker outage raises PUMP_COMMS_LOST on
/// every pump) the event waits. The alert that answers must be raised after the event (<see cref="SoakChecker"/>).
/// </remarks>
public sealed class EventInjector(SoakSettings settings, SoakWard ward, ProtocolParameters protocol, WardProfileNumbers numbers, SoakApi api, Stopwatch clock)
{
    public const string Ceiling = "CEILING";
    public const string PumpCommsLost = "PUMP_COMMS_LOST";

    // Margin over the rule's own delay: the grain's evaluation tick, the hub, a busy 2-core machine.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(5);

    private readonly ConcurrentQueue<LabelledEvent> _injected = new();

    public IReadOnlyCollection<LabelledEvent> Injected => _injected;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var random = new Random(settings.Seed + 1);
        var beds = ward.Beds.ToArray();
        random.Shuffle(beds);
        var first = settings.Settle.TotalSeconds;
        var last = settings.Duration.TotalSeconds - settings.Settle.TotalSeconds;
        var plan = new[] { Ceiling, PumpCommsLost }
            .SelectMany(rule => Enumerable.Range(0, settings.EventsPerKind).Select(_ => (Rule: rule, At: first + (random.NextDouble() * (last - first)))))
            .OrderBy(e => e.At)
            .ToList();
        var unused = new Queue<WardBed>(beds);
        foreach (var (rule, at) in plan)
        {
            var wait = TimeSpan.FromSeconds(at - clock.Elapsed.TotalSeconds);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, cancellationToken);
            }

            WardBed? bed;
            while ((bed = await FreeBedAsync(rule, unused, cancellationToken)) is null)
            {
                if (clock.Elapsed.TotalSeconds > last || unused.Count == 0)
                {
                    return;
                }

                await Task.Delay(Retry, cancellationToken);
            }

            _injected.Enqueue(rule == Ceiling ? AboveCeiling(bed) : Silent(bed));
        }
    }

    /// <summary>The first unused bed with no open alert of the rule (taken from <paramref name="unused"/>), or null.</summary>
    private async Task<WardBed?> FreeBedAsync(string rule, Queue<WardBed> unused, CancellationToken cancellationToken)
    {
        HashSet<string> covered;
        try
        {
            covered = [.. (await api.OpenAlertsAsync(cancellationToken))
                .Where(a => a.GetProperty("ruleId").GetString() == rule && a.TryGetProperty("patientId", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.String)
                .Select(a => a.GetProperty("patientId").GetString()!)];
        }
        catch (InvalidOperationException)
        {
            return null; // no host answered: wait
        }

        for (var i = 0; i < unused.Count; i++)
        {
            var bed = unused.Dequeue();
            if (!covered.Contains(bed.PatientId))
            {
                return bed;
            }

            unused.Enqueue(bed);
        }

        return null;
    }

    private LabelledEvent AboveCeiling(WardBed bed)
    {
        // Half as much again as the ceiling, rounded down to the pump's step: clearly above it.
        var rate = numbers.RateMlPerHour(bed, protocol.DoseRate.CeilingMgPerKgPerHour * 3 / 2);
        ward.PumpOf(bed).Run(rate);
        return new LabelledEvent(Ceiling, bed.PatientId, bed.BedId, clock.Elapsed.TotalSeconds, Margin.TotalSeconds, $"pump run at {rate} mL/h");
    }

    private LabelledEvent Silent(WardBed bed)
    {
        var lostAfter = protocol.Comms.PumpLostAfter;
        ward.PumpOf(bed).SilenceFor(lostAfter * 2);
        return new LabelledEvent(PumpCommsLost, bed.PatientId, bed.BedId, clock.Elapsed.TotalSeconds, (lostAfter + Margin).TotalSeconds, $"pump silent for {(lostAfter * 2).TotalSeconds:0} s");
    }
}
