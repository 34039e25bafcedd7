namespace SmartPick.Bot.LoadTest.Users;

/// <summary>What every simulated user says, and a phrase the bot's answer to it must contain: a full intake, then /rank.</summary>
public static class UserScript
{
    public static IReadOnlyList<(string Say, string Expect)> Steps { get; } =
    [
        ("/start", "Which specialty"), ("Internal Medicine", "US-IMG"), ("non-US IMG", "Step 1"), ("Pass", "attempts"),
        ("1", "Step 2 CK"), ("238", "attempts did Step 2 CK"), ("1", "Step 3"), ("no", "graduate"), ("2019", "visa"),
        ("J-1", "months of US clinical"), ("6", "hands-on"), ("yes", "California"), ("yes", "letters"),
        ("3", "from your chosen specialty"), ("2", "physicians in California"), ("1", "languages"),
        ("Spanish", "publications"), ("1", "regions"), ("SoCal", "states"), ("CA", "That's everything"),
        ("/rank", "Reach"),
    ];
}
