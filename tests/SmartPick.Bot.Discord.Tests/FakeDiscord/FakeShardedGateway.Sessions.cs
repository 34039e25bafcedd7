using System.Net.WebSockets;
using System.Text;

namespace SmartPick.Bot.Discord.Tests.FakeDiscord;

/// <summary>The sharded fake gateway's connections and shard sessions.</summary>
public sealed partial class FakeShardedGateway
{
    /// <summary>One WebSocket connection; sends on it go one at a time.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never read holds nothing to dispose; other connections' sends may still use it.")]
    private sealed class Connection(WebSocket ws)
    {
        private readonly SemaphoreSlim sendLock = new(1, 1);

        public WebSocket Ws { get; } = ws;

        public bool Ready { get; set; }

        public async Task<bool> SendAsync(string json)
        {
            await sendLock.WaitAsync();
            try
            {
                if (Ws.State != WebSocketState.Open)
                {
                    return false;
                }

                await Ws.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
                return true;
            }
            catch (WebSocketException)
            {
                return false;
            }
            finally
            {
                sendLock.Release();
            }
        }

        public async Task CloseAsync(int code, string reason)
        {
            try
            {
                await Ws.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // Already gone.
            }
        }
    }

    /// <summary>A shard session: its sequence, the events it buffered, and how far its current connection got.</summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "A SemaphoreSlim whose wait handle is never read holds nothing to dispose; other connections' sends may still use it.")]
    private sealed class Session(string id)
    {
        private readonly List<string> buffer = [];
        private readonly SemaphoreSlim flush = new(1, 1);
        private int delivered;

        public string Id { get; } = id;

        public Connection? Connection { get; set; }

        public bool Superseded { get; set; }

        public int Delivered => Volatile.Read(ref delivered);

        public int Buffer(string name, string dataJson)
        {
            lock (buffer)
            {
                var seq = buffer.Count + 1;
                buffer.Add($$"""{"op":0,"s":{{seq}},"t":"{{name}}","d":{{dataJson}}}""");
                return seq;
            }
        }

        public void Rewind(int seq) => Volatile.Write(ref delivered, seq);

        /// <summary>Sends, in sequence order, every buffered event the connection has not had; false if it failed.</summary>
        public async Task<bool> SendBufferedAsync(Connection connection)
        {
            await flush.WaitAsync();
            try
            {
                while (true)
                {
                    string next;
                    lock (buffer)
                    {
                        if (delivered >= buffer.Count)
                        {
                            return true;
                        }

                        next = buffer[delivered];
                    }

                    if (!await connection.SendAsync(next))
                    {
                        return false;
                    }

                    Interlocked.Increment(ref delivered);
                }
            }
            finally
            {
                flush.Release();
            }
        }
    }
}
