using System.Globalization;
using System.Text;
using Kindling.Data;

namespace Kindling.Cli.Commands;

/// <summary>Warns, once per column, that rows of the data a model is applied to hold categories training never saw
/// (they are encoded as all zeros, as scikit-learn's <c>handle_unknown='ignore'</c> does).</summary>
static class UnseenCategoryWarning
{
    public static void Print(Data.Preprocessor preprocessor, Frame frame)
    {
        foreach (var u in preprocessor.FindUnseen(frame))
            Console.Error.WriteLine(Format(u));
    }

    internal static string Format(UnseenCategories u) =>
        $"warning: column {Quote(u.Column)}: {u.Rows.ToString(CultureInfo.InvariantCulture)} {(u.Rows == 1 ? "row has a value" : "rows have values")} "
        + $"not seen in training (e.g. {Quote(u.Example)}); {(u.Rows == 1 ? "it was" : "they were")} encoded as all zeros";

    /// <summary>Text from the user's file, made safe for a terminal line: single-quoted, control characters (line
    /// breaks, escape sequences) written as \n, \t or \uXXXX, quotes and backslashes escaped, and cut at 40 characters.</summary>
    internal static string Quote(string text)
    {
        var s = new StringBuilder("'");
        int shown = 0;
        foreach (char c in text)
        {
            if (shown++ == 40) { s.Append("..."); break; }
            switch (c)
            {
                case '\'': s.Append("\\'"); break;
                case '\\': s.Append("\\\\"); break;
                case '\n': s.Append("\\n"); break;
                case '\r': s.Append("\\r"); break;
                case '\t': s.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
                        s.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else s.Append(c);
                    break;
            }
        }
        return s.Append('\'').ToString();
    }
}
