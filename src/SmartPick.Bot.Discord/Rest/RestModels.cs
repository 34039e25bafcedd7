namespace SmartPick.Bot.Discord.Rest;

/// <summary>GET /gateway/bot.</summary>
public sealed record GatewayBotInfo(string Url, int Shards, SessionStartLimit SessionStartLimit);

/// <summary><c>reset_after</c> is in milliseconds; <c>max_concurrency</c> IDENTIFYs per 5 s.</summary>
public sealed record SessionStartLimit(int Total, int Remaining, long ResetAfter, int MaxConcurrency);

/// <summary>GET /applications/@me (only the id is used).</summary>
public sealed record ApplicationInfo(string Id);

/// <summary>A channel (POST /users/@me/channels returns the DM channel).</summary>
public sealed record ChannelInfo(string Id);

/// <summary>A created message (only the id is used).</summary>
public sealed record MessageInfo(string Id);

/// <summary>A PNG (or other file) sent as <c>files[0]</c> in a multipart body.</summary>
public sealed record FileUpload(string FileName, byte[] Content, string ContentType = "image/png");
