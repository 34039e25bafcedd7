using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Adapters;
using SmartPick.Bot.Core.Engine;
using SmartPick.Bot.Core.Messaging;

namespace SmartPick.Bot.Chat;

/// <summary>
/// The console adapter: one stdin line in, one block of replies out (blank line after each block), so it works
/// interactively and with piped input. Stops the host at end of input.
/// </summary>
public sealed class ConsoleChatService(IConversationEngine engine, ConsoleChatIo io, IHostApplicationLifetime lifetime) : BackgroundService
{
    private static readonly string UserId = "local";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let the host finish starting (migrations) before the first read; stdin reads block a thread.
        await Task.Yield();
        if (io.Interactive)
        {
            await io.Output.WriteLineAsync("SmartPick console chat. Type /help, or /profile to start. Ctrl+D (Ctrl+Z on Windows) ends.");
        }

        var first = true;
        while (!stoppingToken.IsCancellationRequested)
        {
            if (io.Interactive)
            {
                await io.Output.WriteAsync("> ");
            }

            // Console reads block (even the async API) and ignore the token: read on a pool thread and stop waiting on
            // Ctrl+C, so the host does not sit out its shutdown timeout.
            var line = await Task.Run(io.Input.ReadLine, CancellationToken.None).WaitAsync(stoppingToken);
            if (line is null)
            {
                break;
            }

            if (first && line.Length == 0)
            {
                continue;
            }

            first = false;
            // A typed button label (or its number, or yes/no) is read by the engine from the stored conversation, so the
            // choices shown before a restart still work after it.
            var replies = await engine.HandleAsync(new InboundMessage("console", UserId, UserId, ChatKind.Direct, new TextContent(line)), stoppingToken);
            await io.Output.WriteLineAsync(ConsoleRenderer.Render(replies));
            await io.Output.FlushAsync(stoppingToken);
        }

        lifetime.StopApplication();
    }
}

/// <summary>The console's streams, injectable so tests can drive the chat.</summary>
public sealed record ConsoleChatIo(TextReader Input, TextWriter Output, bool Interactive);

/// <summary>Registers the console chat when no platform adapter is enabled.</summary>
public static class ConsoleChatExtensions
{
    public static IHostApplicationBuilder AddConsoleChatWhenNoAdapter(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (!builder.Services.Any(d => d.ServiceType == typeof(IChatAdapter)))
        {
            builder.AddConsoleChat();
        }

        return builder;
    }

    public static IHostApplicationBuilder AddConsoleChat(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryAddSingleton(new ConsoleChatIo(Console.In, Console.Out, !Console.IsInputRedirected));
        builder.Services.AddHostedService<ConsoleChatService>();
        return builder;
    }
}
