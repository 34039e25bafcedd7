namespace SmartPick.Bot.Discord.Gateway;

/// <summary>
/// Capped exponential backoff with full jitter. The identify path gets a 600 s cap (≈ 288 identifies/day at worst,
/// well inside the 1000/day budget); resumes may retry faster.
/// </summary>
public static class GatewayBackoff
{
    public static readonly TimeSpan ResumeCap = TimeSpan.FromSeconds(60);
    public static readonly TimeSpan IdentifyCap = TimeSpan.FromSeconds(600);

    /// <summary>No wait for the first retry after a healthy connection; then 1 s, 2 s, 4 s … (× jitter) up to the cap.</summary>
    public static TimeSpan Delay(int failures, TimeSpan cap, double jitter)
    {
        if (failures <= 0)
        {
            return TimeSpan.Zero;
        }

        var seconds = Math.Min(cap.TotalSeconds, Math.Pow(2, Math.Min(failures - 1, 20)));
        return TimeSpan.FromSeconds(seconds * jitter);
    }

    /// <summary>Wait before a new session after op 9 (false): 1–5 s, common practice.</summary>
    public static TimeSpan NewSession(double jitter) => TimeSpan.FromSeconds(1 + (4 * jitter));
}
