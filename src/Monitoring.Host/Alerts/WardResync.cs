using Monitoring.Contracts.Views;

namespace Monitoring.Host.Alerts;

/// <summary>
/// The hub's GetWard answer after a reconnect: what GET /api/wards/{id} returns (<see cref="Ward"/>) and
/// what GET /api/alerts?wardId={id} returns (<see cref="Alerts"/>).
/// </summary>
public sealed record WardResync(WardView Ward, IReadOnlyList<AlertView> Alerts);
