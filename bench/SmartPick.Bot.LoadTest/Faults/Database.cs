using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.LoadTest.Users;
using SmartPick.Bot.Storage;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.LoadTest.Faults;

/// <summary>Checks on the bot's SQLite file while the bot is down.</summary>
public static class Database
{
    public static async Task<string> IntegrityCheckAsync(string path)
    {
        await using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check;";
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>
    /// Users whose stored profile misses an answer the bot acknowledged (by asking the next question). Every
    /// acknowledged answer of the script is compared with the stored value.
    /// </summary>
    public static Task<List<string>> LostAnswersAsync(string path, IReadOnlyList<SimulatedUser> users) =>
        LostAnswersAsync(b =>
        {
            b.Configuration["SmartPick:Storage:ConnectionString"] = $"Data Source={path}";
            b.AddSqliteStorage();
        }, users);

    /// <summary>The same check on any storage (<paramref name="storage"/> registers it, e.g. PostgreSQL).</summary>
    public static async Task<List<string>> LostAnswersAsync(Action<HostApplicationBuilder> storage, IReadOnlyList<SimulatedUser> users)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        storage(builder);
        using var host = builder.Build();
        var store = host.Services.GetRequiredService<IUserStore>();
        var lost = new List<string>();
        foreach (var user in users)
        {
            var state = await store.LoadAsync(new UserKey("telegram", user.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture)), CancellationToken.None);
            var profile = state?.Profile ?? new ApplicantProfile();
            foreach (var (step, name, stored) in Checks(profile))
            {
                // Script step N's answer is acknowledged when the answer to step N arrived.
                if (user.CompletedSteps > step && !stored)
                {
                    lost.Add($"user {user.UserId}: {name}");
                }
            }
        }

        return lost;
    }

    private static IEnumerable<(int Step, string Name, bool Stored)> Checks(ApplicantProfile p) =>
    [
        (1, "specialty", p.Specialties.Contains("Internal Medicine")),
        (2, "applicant type", p.ApplicantType == ApplicantType.NonUsImg),
        (3, "visa", p.Visa == VisaNeed.J1),
        (6, "Step 2 CK score", p.Step2ck?.Score == 238),
        (9, "graduation year", p.GraduationYear == 2019),
        (10, "USCE months", p.Usce?.Months == 6),
        (13, "US letters", p.Letters?.Us == 3),
        (16, "languages", p.Languages?.Contains("Spanish") == true),
        (17, "states", p.Preferences?.States?.Contains("CA") == true),
    ];
}
