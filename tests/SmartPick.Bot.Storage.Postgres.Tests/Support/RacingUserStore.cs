using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Storage.Postgres.Tests.Support;

/// <summary>
/// The real store of an instance, except that its first load waits until every racing instance has loaded too: the
/// worst interleaving of two turns (both read, then both write) happens every time instead of by chance.
/// </summary>
public sealed class RacingUserStore(IUserStore inner, RacingUserStore.StartLine startLine) : IUserStore
{
    private int _loads;

    /// <summary>Replaces the instance's <see cref="IUserStore"/> with the real one behind the start line.</summary>
    public static void Install(HostApplicationBuilder builder, StartLine startLine)
    {
        var real = builder.Services.Last(d => d.ServiceType == typeof(IUserStore));
        builder.Services.Remove(real);
        builder.Services.AddSingleton<IUserStore>(sp => new RacingUserStore((IUserStore)ActivatorUtilities.CreateInstance(sp, real.ImplementationType!), startLine));
    }

    public async Task<UserState?> LoadAsync(UserKey user, CancellationToken cancellationToken)
    {
        var state = await inner.LoadAsync(user, cancellationToken);
        if (Interlocked.Increment(ref _loads) == 1)
        {
            await startLine.ArriveAndWaitAsync();
        }

        return state;
    }

    public Task SaveAsync(UserKey user, UserState state, CancellationToken cancellationToken) => inner.SaveAsync(user, state, cancellationToken);

    public Task<bool> TrySaveAsync(UserKey user, UserState state, long expectedVersion, CancellationToken cancellationToken) =>
        inner.TrySaveAsync(user, state, expectedVersion, cancellationToken);

    public Task<bool> ForgetAsync(UserKey user, CancellationToken cancellationToken) => inner.ForgetAsync(user, cancellationToken);

    /// <summary>Releases everyone once <paramref name="participants"/> have arrived.</summary>
    public sealed class StartLine(int participants)
    {
        private readonly TaskCompletionSource _go = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _arrived;

        public Task ArriveAndWaitAsync()
        {
            if (Interlocked.Increment(ref _arrived) == participants)
            {
                _go.SetResult();
            }

            return _go.Task.WaitAsync(TimeSpan.FromSeconds(30));
        }
    }
}
