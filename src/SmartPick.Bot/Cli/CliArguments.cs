namespace SmartPick.Bot.Cli;

/// <summary>"verb positional --name value" with one-line errors; no flag takes more than one value.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    private CliArguments(string verb, IReadOnlyList<string> positional)
    {
        Verb = verb;
        Positional = positional;
    }

    public string Verb { get; }

    public IReadOnlyList<string> Positional { get; }

    /// <summary>Everything after "--" or unrecognised by the CLI is left to the host's configuration (e.g. --SmartPick:Storage:ConnectionString=...).</summary>
    public string[] HostArgs { get; private set; } = [];

    public static CliArguments Parse(string[] args, IReadOnlySet<string> knownOptions)
    {
        ArgumentNullException.ThrowIfNull(args);
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : "run";
        var rest = args.Skip(verb == "run" && (args.Length == 0 || args[0] != "run") ? 0 : 1).ToList();
        var positional = new List<string>();
        var hostArgs = new List<string>();
        var parsed = new CliArguments(verb, positional);
        for (var i = 0; i < rest.Count; i++)
        {
            var arg = rest[i];
            if (arg.StartsWith("--", StringComparison.Ordinal) && knownOptions.Contains(arg[2..]))
            {
                if (i + 1 >= rest.Count || rest[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CliException($"option {arg} needs a value");
                }

                parsed._options[arg[2..]] = rest[++i];
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal) && arg.Contains(':', StringComparison.Ordinal))
            {
                hostArgs.Add(arg); // configuration override such as --SmartPick:Storage:ConnectionString=...
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                throw new CliException($"unknown option {arg} for '{verb}'");
            }
            else
            {
                positional.Add(arg);
            }
        }

        parsed.HostArgs = [.. hostArgs];
        return parsed;
    }

    public string? Option(string name) => _options.TryGetValue(name, out var value) ? value : null;

    public string Require(string name) => Option(name) ?? throw new CliException($"missing --{name}");
}

/// <summary>Bad command-line input; the message is the one line printed on stderr (exit code 2).</summary>
public sealed class CliException : Exception
{
    public CliException()
    {
    }

    public CliException(string message)
        : base(message)
    {
    }

    public CliException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
