using System.CommandLine;
using System.CommandLine.Completions;
using System.CommandLine.Parsing;

namespace Kindling.Cli;

/// <summary>System.CommandLine's parse errors in the user's words, in one place: "--epochs must be a whole number,
/// got 'abc'" instead of "... as expected type 'System.Int32'". The library's own messages name .NET types and say
/// the same thing twice ("Required command was not provided" beside "Unrecognized ... 'frob'"), so the lines are
/// rebuilt from the parse result's structure; its text is only a last resort, with any type name removed.</summary>
static class ParseErrorText
{
    public static IReadOnlyList<string> Describe(ParseResult parsed)
    {
        var lines = new List<string>();
        foreach (var option in parsed.Errors.Select(e => OptionOf(e.SymbolResult)).OfType<OptionResult>().DistinctBy(o => o.Option))
            lines.Add(DescribeOption(option));
        var unmatched = Unmatched(parsed).ToList();
        lines.AddRange(unmatched);
        lines.AddRange(MissingRequired(parsed.CommandResult, commandNamed: unmatched.Count > 0));
        if (lines.Count == 0)
            lines.AddRange(parsed.Errors.Select(e => ErrorReport.Plain(e.Message)).Distinct());
        return lines;
    }

    static OptionResult? OptionOf(SymbolResult? result) => result switch
    {
        OptionResult o => o,
        ArgumentResult { Parent: OptionResult o } => o,
        _ => null,
    };

    static string DescribeOption(OptionResult result)
    {
        string name = result.Option.Name;
        if (result.IdentifierTokenCount == 0) return $"{name} is required: {result.Option.Description}";
        if (result.Tokens.Count == 0) return $"{name} needs a value";
        string given = result.Tokens[^1].Value;
        var allowed = AllowedValues(result.Option);
        if (allowed.Count > 0 && !allowed.Contains(given))
            return $"{name} must be one of {string.Join(", ", allowed)}; got '{given}'";
        Type type = Nullable.GetUnderlyingType(result.Option.ValueType) ?? result.Option.ValueType;
        if (type == typeof(int) || type == typeof(long))
            return $"{name} must be a whole number, got '{given}'";
        if (type == typeof(double) || type == typeof(float))
            return $"{name} must be a number, got '{given}'";
        return $"{name}: {ErrorReport.Plain(result.Errors.FirstOrDefault()?.Message ?? $"cannot use '{given}'")}";
    }

    // AcceptOnlyFromAmong also offers its values as completions; a flag's completions (true/false) are not a choice list.
    static List<string> AllowedValues(Option option) =>
        option.ValueType == typeof(bool)
            ? []
            : option.GetCompletions(CompletionContext.Empty).Select(c => c.Label).ToList();

    // An unknown option's value is unmatched too ("--frob 1"): name the option, not the stray value after it.
    static IEnumerable<string> Unmatched(ParseResult parsed)
    {
        var tokens = parsed.UnmatchedTokens;
        if (tokens.Count == 0) return [];
        Command command = parsed.CommandResult.Command;
        string where = CommandPath(parsed.CommandResult);
        string? option = tokens.FirstOrDefault(t => t.StartsWith('-'));
        if (option is not null)
            return [$"unknown option '{option}' for '{where}'"];
        if (command.Subcommands.Count > 0)
            return [$"unknown command '{tokens[0]}'; the commands are {string.Join(", ", command.Subcommands.Select(c => c.Name))}"];
        return [$"unexpected argument '{tokens[0]}' for '{where}'"];
    }

    static IEnumerable<string> MissingRequired(CommandResult result, bool commandNamed)
    {
        Command command = result.Command;
        string where = CommandPath(result);
        foreach (var option in command.Options.Where(o => o.Required && result.GetResult(o) is null))
            yield return $"{option.Name} is required: {option.Description}";
        foreach (var argument in command.Arguments.Where(a => a.Arity.MinimumNumberOfValues > 0 && result.GetResult(a) is not { Tokens.Count: > 0 }))
            yield return $"'{where}' needs {argument.Name}: {argument.Description}";
        if (!commandNamed && command.Action is null && command.Subcommands.Count > 0 && !result.Children.OfType<CommandResult>().Any())
            yield return $"no command given; the commands are {string.Join(", ", command.Subcommands.Select(c => c.Name))}";
    }

    static string CommandPath(CommandResult result) =>
        result.Parent is CommandResult parent ? $"{CommandPath(parent)} {result.Command.Name}" : "kindling";
}
