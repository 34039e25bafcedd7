using SmartPick.Ranking.Profiles;

namespace SmartPick.Bot.Core.Intake.Reading;

/// <summary>What one message said: a profile holding only the fields read, and notes for the user (e.g. a rejected score).</summary>
public sealed class FactSheet
{
    private readonly List<string> _notes = [];

    public ApplicantProfile Profile { get; private set; } = new();

    /// <summary>How many facts were read (a field set twice counts twice).</summary>
    public int Count { get; private set; }

    public IReadOnlyList<string> Notes => _notes;

    public bool IsEmpty => Count == 0;

    public void Set(Func<ApplicantProfile, ApplicantProfile> change)
    {
        Profile = change(Profile);
        Count++;
    }

    public void Note(string note)
    {
        if (!_notes.Contains(note))
        {
            _notes.Add(note);
        }
    }
}
