namespace SmartPick.Bot.Discord.Gateway;

/// <summary>Random numbers in [0, 1) for heartbeat jitter and backoff; injected so tests are deterministic.</summary>
public interface IJitterSource
{
    double NextDouble();
}

/// <summary>Default jitter from <see cref="Random.Shared"/> (not security relevant).</summary>
public sealed class RandomJitterSource : IJitterSource
{
#pragma warning disable CA5394 // Jitter for timing only.
    public double NextDouble() => Random.Shared.NextDouble();
#pragma warning restore CA5394
}
