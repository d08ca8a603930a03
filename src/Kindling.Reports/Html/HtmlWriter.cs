using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Kindling.Reports.Html;

/// <summary>Writes HTML (and inline SVG) element by element, like <see cref="System.Xml.XmlWriter"/>: every text and
/// attribute value goes through <see cref="HtmlEncoder"/>, so a CSV header such as <c>&lt;script&gt;</c> is shown as
/// text. Tag and attribute names must be plain lowercase identifiers written in code, never data.</summary>
/// <remarks>No template engine: Razor and most template libraries compile or reflect at run time, which NativeAOT
/// cannot; a writer is checked by the compiler and escapes by construction.</remarks>
internal sealed class HtmlWriter
{
    // Every script passes through as itself (é, →, 中) except what HTML needs escaped.
    static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    // Elements that have no end tag in HTML.
    static readonly HashSet<string> VoidElements = ["meta", "img", "br", "hr", "link", "input"];

    readonly StringBuilder _html = new();
    readonly Stack<string> _open = new();

    /// <summary>Opens <paramref name="tag"/>; attributes with a null value are left out.</summary>
    public HtmlWriter Open(string tag, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        if (!VoidElements.Contains(tag)) _open.Push(tag);
        return this;
    }

    /// <summary>Closes the innermost open element.</summary>
    public HtmlWriter Close()
    {
        _html.Append("</").Append(_open.Pop()).Append('>');
        return this;
    }

    /// <summary>An element holding only <paramref name="text"/> (escaped).</summary>
    public HtmlWriter Element(string tag, string text, params ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        StartTag(tag, attributes);
        Text(text);
        _html.Append("</").Append(tag).Append('>');
        return this;
    }

    /// <summary>Escaped text.</summary>
    public HtmlWriter Text(string text)
    {
        Encoder.Encode(new StringWriter(_html, CultureInfo.InvariantCulture), text);
        return this;
    }

    /// <summary>Markup written by this project (the style sheet, the script of the live page): never data.</summary>
    public HtmlWriter Trusted(string markup)
    {
        _html.Append(markup);
        return this;
    }

    /// <summary>The document so far; every element must be closed.</summary>
    public override string ToString()
    {
        if (_open.Count > 0) throw new InvalidOperationException($"<{_open.Peek()}> is not closed");
        return _html.ToString();
    }

    void StartTag(string tag, ReadOnlySpan<(string Name, string? Value)> attributes)
    {
        CheckName(tag);
        _html.Append('<').Append(tag);
        foreach (var (name, value) in attributes)
        {
            if (value is null) continue;
            CheckName(name);
            _html.Append(' ').Append(name).Append("=\"");
            Text(value);
            _html.Append('"');
        }
        _html.Append('>');
    }

    static void CheckName(string name)
    {
        if (name.Length == 0 || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or ':' || char.IsAsciiLetterUpper(c)))
            throw new ArgumentException($"'{name}' is not a tag or attribute name", nameof(name));
    }
}
