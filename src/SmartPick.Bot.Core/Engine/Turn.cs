using SmartPick.Bot.Core.Messaging;
using SmartPick.Bot.Core.State;

namespace SmartPick.Bot.Core.Engine;

/// <summary>One inbound message being handled: the state it started from, the state it leaves, and the replies.</summary>
internal sealed class Turn(InboundMessage message, UserState state)
{
    public InboundMessage Message { get; } = message;

    public UserState Original { get; } = state;

    public UserState State { get; set; } = state;

    public List<Reply> Replies { get; } = [];

    /// <summary>Set by /forget: the engine deletes the user's rows instead of saving.</summary>
    public bool Forget { get; set; }

    public bool InGroup => Message.ChatKind == ChatKind.Group;

    public void Say(Reply reply) => Replies.Add(reply);

    public void Say(IEnumerable<Reply> replies) => Replies.AddRange(replies);

    /// <summary>Takes a dialogue step's new state and its (personal) replies.</summary>
    public void Apply((UserState State, IReadOnlyList<Reply> Replies) result)
    {
        State = result.State;
        SayPersonal(result.Replies, "profile");
    }

    /// <summary>Adds personal replies: private everywhere, and in a group marked to continue in a direct chat.</summary>
    public void SayPersonal(IEnumerable<Reply> replies, string continuation) =>
        Replies.AddRange(replies.Select(r => r with
        {
            Visibility = Visibility.Private,
            ContinueInDirect = InGroup ? continuation : r.ContinueInDirect,
        }));
}

