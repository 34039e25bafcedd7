using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using SmartPick.Ranking;

namespace SmartPick.Bot.Core.Ranking;

/// <summary>Loads the ranking model when the host starts, so a malformed catalog stops the app with file, row and column.</summary>
internal sealed partial class RankingModelWarmup(IServiceProvider services, ILogger<RankingModelWarmup> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var model = (RankingModel)services.GetService(typeof(RankingModel))!;
        LogLoaded(logger, model.Programs.Count, model.Specialties.Count);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Ranking model loaded: {Programs} programs, {Specialties} calibrated specialties")]
    private static partial void LogLoaded(ILogger logger, int programs, int specialties);
}
