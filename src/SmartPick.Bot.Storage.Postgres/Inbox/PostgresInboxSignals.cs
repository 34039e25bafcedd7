using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Npgsql;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Storage.Postgres.Schema;

namespace SmartPick.Bot.Storage.Postgres.Inbox;

/// <summary>
/// Inbox signals through PostgreSQL LISTEN/NOTIFY: <see cref="PostgresUpdateInbox"/> notifies channel
/// <see cref="Channel"/> with the source when it stores or finishes an item (delivered at commit to every listening
/// session), and this listens on one connection, opened at the first subscription. When that connection fails it is
/// reopened after <see cref="Retry"/> and every subscriber is signalled once (a notification sent meanwhile is lost).
/// </summary>
public sealed partial class PostgresInboxSignals(PostgresDatabase database, TimeProvider clock, ILogger<PostgresInboxSignals> logger)
    : IInboxSignals, IAsyncDisposable, IDisposable
{
    public const string Channel = "smartpick_inbox";
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan IdleCheck = TimeSpan.FromSeconds(30);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private ImmutableList<(string Source, Action OnSignal)> _subscribers = [];
    private Task? _listening;

    public IDisposable Subscribe(string source, Action onSignal)
    {
        var entry = (source, onSignal);
        lock (_gate)
        {
            _subscribers = _subscribers.Add(entry);
            if (!_stop.IsCancellationRequested)
            {
                _listening ??= Task.Run(() => ListenAsync(_stop.Token));
            }
        }

        return new Subscription(() =>
        {
            lock (_gate)
            {
                _subscribers = _subscribers.Remove(entry);
            }
        });
    }

    public async ValueTask DisposeAsync()
    {
        Task? listening;
        lock (_gate)
        {
            if (_stop.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
            listening = _listening;
        }

        if (listening is not null)
        {
            await listening.ConfigureAwait(false);
        }
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    private async Task ListenAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await using var connection = await database.OpenAsync(stop);
                connection.Notification += (_, e) => Signal(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel};", connection))
                {
                    await listen.ExecuteNonQueryAsync(stop);
                }

                Signal(source: null); // anything stored before we listened
                while (true)
                {
                    if (!await connection.WaitAsync(IdleCheck, stop))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1;", connection);
                        await ping.ExecuteScalarAsync(stop); // a dead connection fails here, not silently
                    }
                }
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                LogListenFailed(e, Retry.TotalSeconds);
                try
                {
                    await Task.Delay(Retry, clock, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return; // stopping
            }
        }
    }

    private void Signal(string? source)
    {
        foreach (var (s, onSignal) in Volatile.Read(ref _subscribers))
        {
            if (source is null || s == source)
            {
                onSignal();
            }
        }
    }

    [LoggerMessage(EventId = 130, Level = LogLevel.Warning, Message = "Listening for inbox signals failed; retrying in {Seconds} s (workers poll meanwhile)")]
    private partial void LogListenFailed(Exception exception, double seconds);

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? _dispose = dispose;

        public void Dispose() => Interlocked.Exchange(ref _dispose, null)?.Invoke();
    }
}
