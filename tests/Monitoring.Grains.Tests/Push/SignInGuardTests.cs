using Monitoring.Contracts.Grains;
using Monitoring.Grains.Tests.Support;

namespace Monitoring.Grains.Tests.Push;

/// <summary>Repeated failed sign-ins lock an account for a while (5 failures, 5 minutes by default), on the injected clock.</summary>
[Collection(ClusterCollection.Name)]
public sealed class SignInGuardTests(ClusterFixture fixture)
{
    [Fact]
    public async Task Five_failures_lock_the_account_for_five_minutes()
    {
        var guard = fixture.Grains.GetGrain<ISignInGuardGrain>($"user-{Guid.NewGuid():N}");
        for (var i = 0; i < 4; i++)
        {
            await guard.RecordFailure();
        }

        Assert.Null(await guard.LockedUntil());
        await guard.RecordFailure();

        Assert.Equal(Bed.Now + TimeSpan.FromMinutes(5), await guard.LockedUntil());
        TestEnvironment.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Null(await guard.LockedUntil());
    }

    [Fact]
    public async Task A_success_forgets_the_failures_before_it()
    {
        var guard = fixture.Grains.GetGrain<ISignInGuardGrain>($"user-{Guid.NewGuid():N}");
        for (var i = 0; i < 4; i++)
        {
            await guard.RecordFailure();
        }

        await guard.RecordSuccess();
        await guard.RecordFailure();

        Assert.Null(await guard.LockedUntil());
    }
}
