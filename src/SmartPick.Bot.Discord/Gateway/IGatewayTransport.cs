namespace SmartPick.Bot.Discord.Gateway;

/// <summary>
/// The narrow seam between the gateway state machine and the network: one WebSocket connection.
/// The real implementation wraps <see cref="System.Net.WebSockets.ClientWebSocket"/>; tests script a fake.
/// </summary>
public interface IGatewayTransport : IAsyncDisposable
{
    Task ConnectAsync(Uri uri, CancellationToken cancellationToken);

    /// <summary>Sends one complete UTF-8 JSON text message. Callers serialize sends.</summary>
    Task SendAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);

    /// <summary>Receives one complete message, or a close (including a dropped connection, with no code).</summary>
    Task<GatewayFrame> ReceiveAsync(CancellationToken cancellationToken);

    /// <summary>Closes with the given code; 1000 ends the session, anything else keeps it resumable.</summary>
    Task DisconnectAsync(int closeCode, CancellationToken cancellationToken);
}

/// <summary>Creates one transport per connection attempt.</summary>
public interface IGatewayTransportFactory
{
    IGatewayTransport Create();
}

/// <summary>A received text message, the end of the connection, or a frame the client cannot read (<see cref="Fault"/>).</summary>
public sealed record GatewayFrame(ReadOnlyMemory<byte> Payload, bool IsClose, int? CloseCode, string? Fault = null)
{
    /// <summary>A binary or oversized message: the connection is dropped and resumed.</summary>
    public static GatewayFrame Unreadable(string fault) => new(ReadOnlyMemory<byte>.Empty, false, null, fault);

    public static GatewayFrame Text(ReadOnlyMemory<byte> payload) => new(payload, false, null);

    /// <summary><paramref name="code"/> is null when the connection dropped without a close frame.</summary>
    public static GatewayFrame Closed(int? code) => new(ReadOnlyMemory<byte>.Empty, true, code);
}
