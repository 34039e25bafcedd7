using System.Text;

namespace SmartPick.Bot.LoadTest.Multi;

/// <summary>
/// The load balancer in front of the instances' webhook endpoints: each delivery goes to the next instance in turn; one
/// that refuses the connection or fails is skipped for this delivery and the next one is tried, as a balancer with
/// passive health checks does. Returns false (Telegram retries) only when no instance accepted.
/// </summary>
public sealed class RoundRobinProxy(IReadOnlyList<Uri> targets, string secret) : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private int _next = -1;

    public int Delivered { get; private set; }

    public int Skipped { get; private set; }

    public async Task<bool> DeliverAsync(string json, CancellationToken cancellationToken)
    {
        for (var tried = 0; tried < targets.Count; tried++)
        {
            var target = targets[(int)((uint)Interlocked.Increment(ref _next) % (uint)targets.Count)];
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
                using var response = await _http.SendAsync(request, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    Delivered++;
                    return true;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // Refused or timed out: try the next instance.
            }

            Skipped++;
        }

        return false;
    }

    public void Dispose() => _http.Dispose();
}
