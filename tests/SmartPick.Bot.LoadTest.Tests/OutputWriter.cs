using System.Text;
using Xunit.Abstractions;

namespace SmartPick.Bot.LoadTest.Tests;

/// <summary>Progress lines of a run into the xunit test output.</summary>
internal sealed class OutputWriter(ITestOutputHelper output) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value) => output.WriteLine(value ?? string.Empty);
}
