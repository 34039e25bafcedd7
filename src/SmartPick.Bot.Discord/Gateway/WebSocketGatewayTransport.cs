using System.Buffers;
using System.Net.WebSockets;

namespace SmartPick.Bot.Discord.Gateway;

/// <summary><see cref="IGatewayTransport"/> over <see cref="ClientWebSocket"/>; reassembles multi-frame messages.</summary>
public sealed class WebSocketGatewayTransport : IGatewayTransport
{
    /// <summary>Larger messages are dropped (and the connection resumed) instead of growing memory without bound.</summary>
    public const int MaxMessageBytes = 16 * 1024 * 1024;

    private readonly ClientWebSocket socket = new();

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => socket.ConnectAsync(uri, cancellationToken);

    public async Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        await socket.SendAsync(payload, WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    public async Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            using var message = new MemoryStream();
            while (true)
            {
                ValueWebSocketReceiveResult result;
                try
                {
                    result = await socket.ReceiveAsync(buffer.AsMemory(), cancellationToken);
                }
                catch (WebSocketException)
                {
                    return GatewayFrame.Closed(null);
                }

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return GatewayFrame.Closed(socket.CloseStatus is { } status ? (int)status : null);
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    return GatewayFrame.Unreadable("binary frame (encoding=json expects text)");
                }

                if (message.Length + result.Count > MaxMessageBytes)
                {
                    return GatewayFrame.Unreadable($"message larger than {MaxMessageBytes} bytes");
                }

                message.Write(buffer, 0, result.Count);
                if (result.EndOfMessage)
                {
                    return GatewayFrame.Text(message.ToArray());
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public async Task DisconnectAsync(int closeCode, CancellationToken cancellationToken)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
        {
            return;
        }

        try
        {
            // Output close only: a zombie peer may never answer the close handshake.
            await socket.CloseOutputAsync((WebSocketCloseStatus)closeCode, null, cancellationToken);
        }
        catch (WebSocketException)
        {
            socket.Abort();
        }
        catch (OperationCanceledException)
        {
            socket.Abort();
        }
    }

    public ValueTask DisposeAsync()
    {
        socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Creates <see cref="WebSocketGatewayTransport"/>s.</summary>
public sealed class WebSocketGatewayTransportFactory : IGatewayTransportFactory
{
    public IGatewayTransport Create() => new WebSocketGatewayTransport();
}
