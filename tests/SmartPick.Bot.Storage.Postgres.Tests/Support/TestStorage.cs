using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Storage.Postgres.Tests.Support;

/// <summary>
/// One empty database of a provider ("Sqlite": a temp file; "Postgres": a new database on the run's server) and
/// "instances" on it: each <see cref="NewInstance"/> is a separate service provider with its own connections, as a
/// second process would have.
/// </summary>
public sealed class TestStorage : IDisposable
{
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";
    private readonly string? _dir;
    private readonly List<IHost> _instances = [];

    private TestStorage(string provider)
    {
        Provider = provider;
        if (provider == Sqlite)
        {
            _dir = Directory.CreateTempSubdirectory("smartpick-contract-").FullName;
            ConnectionString = $"Data Source={Path.Combine(_dir, "s.db")}";
        }
        else
        {
            ConnectionString = PostgresServer.Instance.CreateDatabase();
        }
    }

    /// <summary>SQLite always; PostgreSQL when server binaries exist (else its cases are skipped by <see cref="PostgresFactAttribute"/>'s reason test).</summary>
    public static TheoryData<string> Providers => PostgresServer.UnavailableReason is null ? new(Sqlite, Postgres) : new(Sqlite);

    public string Provider { get; }

    public string ConnectionString { get; }

    public static TestStorage Create(string provider) => new(provider);

    /// <summary>A new instance on this database; <paramref name="configure"/> adds more services (e.g. the engine).</summary>
    public IServiceProvider NewInstance(Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["SmartPick:Storage:ConnectionString"] = ConnectionString });
        builder.Logging.ClearProviders();
        if (Provider == Sqlite)
        {
            builder.AddSqliteStorage();
        }
        else
        {
            builder.AddPostgresStorage();
        }

        configure?.Invoke(builder);
        var host = builder.Build();
        _instances.Add(host);
        return host.Services;
    }

    /// <summary>A service of the given instance (a new one when none is given).</summary>
    public T Get<T>(IServiceProvider? instance = null)
        where T : notnull => (instance ?? NewInstance()).GetRequiredService<T>();

    public IUserStore UserStore(IServiceProvider? instance = null) => (instance ?? NewInstance()).GetRequiredService<IUserStore>();

    public IAdapterStateStore AdapterState(IServiceProvider? instance = null) => (instance ?? NewInstance()).GetRequiredService<IAdapterStateStore>();

    public void Dispose()
    {
        foreach (var instance in _instances)
        {
            instance.Dispose();
        }

        if (_dir is not null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(_dir, recursive: true);
        }
    }
}
