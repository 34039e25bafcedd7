using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Discord.Gateway;
using SmartPick.Bot.Discord.Hosting;
using SmartPick.Bot.Discord.Rest;
using SmartPick.Bot.Storage;

namespace SmartPick.Bot.Discord.Tests.Gateway;

/// <summary>
/// The daily identify budget guards the token against a restart loop; several instances (processes on one database)
/// share it, so racing identifies must not each read the same count and all go through. Each instance's reads are held
/// until all have read (as when they identify at the same moment); writes and atomic updates go straight to SQLite.
/// </summary>
public sealed class IdentifyBudgetTests : IDisposable
{
    private const int Budget = 3;
    private static readonly SessionStartLimit Plenty = new(1000, 1000, 0, 1);
    private readonly string _dir = Directory.CreateTempSubdirectory("smartpick-identify-").FullName;
    private readonly List<IHost> _hosts = [];

    [Fact]
    public async Task InstancesSharingOneDatabase_IdentifyAtTheSameMoment_OnlyTheBudgetGoesThrough()
    {
        // Arrange: eight instances, each about to send its first IDENTIFY of the day.
        const int Instances = 8;
        var together = new SimultaneousReads(Instances);
        var gates = new List<IdentifyGate>();
        for (var i = 0; i < Instances; i++)
        {
            var store = new RacingStore((await StartInstanceAsync()).GetRequiredService<IAdapterStateStore>(), together);
            var services = new ServiceCollection().AddSingleton<IAdapterStateStore>(store).BuildServiceProvider();
            gates.Add(new IdentifyGate(TimeProvider.System, new DiscordStateStore(services.GetRequiredService<IServiceScopeFactory>()),
                Microsoft.Extensions.Options.Options.Create(new DiscordOptions { Token = "secret-token", MaxIdentifiesPerDay = Budget })));
        }

        // Act
        var results = await Task.WhenAll(gates.Select(gate => Task.Run(async () =>
        {
            try
            {
                await gate.WaitAsync(Plenty, CancellationToken.None);
                return true;
            }
            catch (GatewayFatalException)
            {
                return false;
            }
        })));

        // Assert
        Assert.Equal(Budget, results.Count(allowed => allowed));
    }

    public void Dispose()
    {
        foreach (var host in _hosts)
        {
            host.Dispose();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
    }

    private async Task<IServiceProvider> StartInstanceAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SmartPick:Storage:ConnectionString"] = $"Data Source={Path.Combine(_dir, "s.db")}" });
        builder.Logging.ClearProviders();
        builder.AddSqliteStorage();
        var host = builder.Build();
        _hosts.Add(host);
        await host.StartAsync();
        return host.Services;
    }

    /// <summary>Lets each read return only once every instance has read (or after 2 s), so reads cannot be spread out.</summary>
    private sealed class SimultaneousReads(int instances)
    {
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _reads;

        public Task ArriveAsync()
        {
            if (Interlocked.Increment(ref _reads) >= instances)
            {
                _all.TrySetResult();
            }

            return Task.WhenAny(_all.Task, Task.Delay(TimeSpan.FromSeconds(2)));
        }
    }

    private sealed class RacingStore(IAdapterStateStore inner, SimultaneousReads together) : IAdapterStateStore
    {
        public async Task<string?> GetAsync(string key, CancellationToken cancellationToken)
        {
            var value = await inner.GetAsync(key, cancellationToken);
            await together.ArriveAsync();
            return value;
        }

        public Task SetAsync(string key, string value, CancellationToken cancellationToken) => inner.SetAsync(key, value, cancellationToken);

        public Task<bool> CompareAndSetAsync(string key, string? expected, string value, CancellationToken cancellationToken) =>
            inner.CompareAndSetAsync(key, expected, value, cancellationToken);

        public Task<long> IncrementAsync(string key, long delta, CancellationToken cancellationToken) => inner.IncrementAsync(key, delta, cancellationToken);
    }
}
