using SmartPick.Bot.Core.Tests.Support;

namespace SmartPick.Bot.Core.Tests.Engine;

/// <summary>Every field rejects bad input with a reason and asks the same question again, keeping stored data.</summary>
public sealed class BadInputTests : IDisposable
{
    private readonly TestBot _bot = new();

    public void Dispose() => _bot.Dispose();

    [Theory]
    [InlineData("specialties", "Basket weaving", "don't know the specialty", "Which specialty")]
    [InlineData("type", "maybe", "US citizen", "Which describes you")]
    [InlineData("step1", "great", "Pass", "Step 1")]
    [InlineData("step1", "312", "between 1 and 300", "Step 1")]
    [InlineData("step1attempts", "0", "between 1 and 6", "first attempt")]
    [InlineData("step2ck", "0", "can't be a Step 2 CK score", "Step 2 CK")]
    [InlineData("step2ck", "301", "can't be a Step 2 CK score", "Step 2 CK")]
    [InlineData("step2ck", "5", "well above 100", "Step 2 CK")]
    [InlineData("step2ck", "about average", "couldn't find a score", "Step 2 CK")]
    [InlineData("step2attempts", "-1", "negative", "first attempt")]
    [InlineData("step3", "perhaps", "yes", "Step 3")]
    [InlineData("gradyear", "1850", "between 1960 and 2028", "graduate")]
    [InlineData("gradyear", "2040", "between 1960 and 2028", "graduate")]
    [InlineData("visa", "O-1", "J-1", "visa")]
    [InlineData("usce", "-3", "negative", "US clinical experience")]
    [InlineData("usce", "lots", "couldn't find a number", "US clinical experience")]
    [InlineData("handson", "sometimes", "yes or no", "hands-on")]
    [InlineData("usceca", "kinda", "yes or no", "California")]
    [InlineData("letters", "-2", "negative", "letters")]
    [InlineData("letters", "99", "between 0 and 20", "letters")]
    [InlineData("lettersspecialty", "5", "between 0 and 3", "chosen specialty")]
    [InlineData("lettersca", "4", "between 0 and 3", "California")]
    [InlineData("languages", "12345", "languages by name", "languages")]
    [InlineData("publications", "-1", "negative", "publications")]
    [InlineData("regions", "Mars", "don't know the region", "region")]
    [InlineData("states", "ZZ", "isn't a US state", "states")]
    public async Task BadAnswer_IsExplainedAndReasked_WithoutLosingStoredAnswers(string field, string bad, string reason, string question)
    {
        // Arrange: a stored profile with three US letters, so dependent letter questions apply.
        var chat = _bot.Direct();
        await chat.Send("/profile set specialties IM").Send("/profile set letters 3").Send("/profile set step2ck 230").RunAsync();
        var before = _bot.StoredProfileJson("u1");

        // Act
        await chat.Send($"/profile edit {field}").Send(bad).Expect(reason).Expect(question).RunAsync();

        // Assert: the reply re-asks (still offers Skip) and nothing stored changed.
        Assert.Contains(chat.Last, r => r.Choices.Any(c => c.Label == "Skip"));
        Assert.Equal(before, _bot.StoredProfileJson("u1"));
    }

    [Theory]
    [InlineData("<b>hi</b> *bold* _x_ [link](https://evil.example)")]
    [InlineData("\u202Eevil\u0000\u0007")]
    [InlineData("🩺🩺🩺")]
    public async Task HostileText_InSpecialtyAnswer_IsEscapedInTheReply(string hostile)
    {
        var chat = await _bot.Direct().Send("/profile").Send(hostile).Expect("don't know the specialty").RunAsync();

        var html = Core.Messaging.Markup.ToHtml(chat.Last[0].Text);
        Assert.DoesNotContain("<b>hi", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"https://evil", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HugeMessage_IsHandledWithoutCrashing()
    {
        var chat = _bot.Direct();
        await chat.Send("/profile edit step2ck").Send(new string('9', 100_000)).Expect("can't be a Step 2 CK score").RunAsync();
        await chat.Send("/profile edit step2ck").Send(new string('x', 100_000)).Expect("couldn't find a score").RunAsync();
    }
}
