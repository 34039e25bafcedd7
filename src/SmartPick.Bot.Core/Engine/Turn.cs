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

    /// <summary>A personal dialogue (the intake) must move to a direct chat: a group whose replies everyone sees.</summary>
    public bool MovesToDirect => InGroup && !Message.PrivateRepliesInPlace;

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
            ContinueInDirect = MovesToDirect ? continuation : r.ContinueInDirect,
        }));

    /// <summary>Drops forms that stand in for typing except where the user cannot type back privately (a server channel answered in place).</summary>
    public void DropTypingForms()
    {
        if (Message.PrivateRepliesInPlace)
        {
            return;
        }

        for (var i = 0; i < Replies.Count; i++)
        {
            if (Replies[i].Form is { StandsInForTyping: true })
            {
                Replies[i] = Replies[i] with { Form = null };
            }
        }
    }

    /// <summary>Marks every reply so far as personal (an answer typed into a private form gets private answers).</summary>
    public void MakeAllPrivate()
    {
        for (var i = 0; i < Replies.Count; i++)
        {
            Replies[i] = Replies[i] with { Visibility = Visibility.Private };
        }
    }
}

