namespace SmartPick.Bot.LoadTest.Users;

/// <summary>What every simulated user says, and a phrase the bot's answer to it must contain: a full intake, then /rank.</summary>
public static class UserScript
{
    public static IReadOnlyList<(string Say, string Expect)> Steps { get; } =
    [
        ("/start", "Which specialty"), ("Internal Medicine", "Which describes you"), ("non-US IMG", "visa"), ("J-1", "USMLE results"),
        ("One at a time", "Step 1"), ("Passed, first attempt", "Step 2 CK"), ("238", "pass Step 2 CK on the first attempt"), ("First attempt", "Step 3"),
        ("no", "graduate"), ("2019", "US clinical experience"), ("6 months", "externship"), ("yes", "USCE in California"), ("yes", "letters"),
        ("3", "from your chosen specialty"), ("2", "physicians in California"), ("1", "Languages besides English"),
        ("Spanish, 1 publication", "train"),
        ("SoCal, CA", "rotate"), ("skip", string.Empty), ("0", string.Empty), ("/profile show", "Step 2 CK score: 238"),
        ("/rank", "chance to match"),
    ];
}
