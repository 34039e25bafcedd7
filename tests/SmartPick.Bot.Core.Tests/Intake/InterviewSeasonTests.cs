using Microsoft.Extensions.Time.Testing;
using SmartPick.Bot.Core.Intake;
using SmartPick.Bot.Core.State;
using SmartPick.Bot.Core.Timeline;
using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Tests.Intake;

/// <summary>"Interviews so far" is asked only in interview season, with dates from knowledge/timeline/cycles.csv.</summary>
public sealed class InterviewSeasonTests
{
    private static readonly CycleTimeline Timeline = CycleTimeline.Load(Path.Combine(AppContext.BaseDirectory, "knowledge", "timeline", "cycles.csv"));

    private static IntakeDialogue At(int year, int month, int day) =>
        new(new FakeTimeProvider(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.Zero)), Timeline);

    [Theory]
    [InlineData(2026, 12, 4, true)] // between programs reviewing applications (23 Sept) and rank list certification (3 March)
    [InlineData(2027, 3, 3, true)]
    [InlineData(2027, 3, 10, false)] // after certification: Match Week is next
    [InlineData(2026, 7, 15, false)] // before applications are even submitted
    public void Season_FollowsTheTimeline(int year, int month, int day, bool season) =>
        Assert.Equal(season, At(year, month, day).Context.InterviewSeason);

    [Fact]
    public void InSeason_InterviewsAreAskedAfterTheLastQuestion_AndCountedInTheProgress()
    {
        var dialogue = At(2026, 12, 4);
        var state = new UserState(new ApplicantProfile { Specialties = ["Internal Medicine"] }, new ConversationState("connections", []));

        var (next, replies) = dialogue.Answer(state, "skip");

        Assert.Equal("interviews", next.Conversation.IntakeStep);
        Assert.Contains("(9/9)", replies[0].Text, StringComparison.Ordinal);
        var (done, _) = dialogue.Answer(next, "two");
        Assert.Equal(2, done.Profile.Interviews);
        Assert.Null(done.Conversation.IntakeStep);
    }

    [Fact]
    public void OutOfSeason_TheIntakeEndsWithoutAskingInterviews()
    {
        var dialogue = At(2026, 7, 15);
        var state = new UserState(new ApplicantProfile { Specialties = ["Internal Medicine"] }, new ConversationState("connections", []));

        var (next, replies) = dialogue.Answer(state, "skip");

        Assert.Null(next.Conversation.IntakeStep);
        Assert.Contains(replies, r => r.Text.Contains("That's everything", StringComparison.Ordinal));
        Assert.DoesNotContain(replies, r => r.Text.Contains("interview invitations", StringComparison.Ordinal));
    }
}
