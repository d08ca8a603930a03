using Kindling.Reports.Html;

namespace Kindling.Reports.Tests.Html;

public sealed class HtmlWriterTests
{
    [Fact]
    public void Text_Markup_IsEscaped()
    {
        var html = new HtmlWriter().Element("p", "<script>alert(1)</script> &<>\"'").ToString();
        Assert.Equal("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;&lt;&gt;&quot;&#x27;</p>", html);
    }

    [Fact]
    public void Attribute_Quote_CannotCloseTheValue()
    {
        var html = new HtmlWriter().Open("img", ("alt", "\" onerror=\"alert(1)")).ToString();
        Assert.Equal("<img alt=\"&quot; onerror=&quot;alert(1)\">", html);
    }

    [Fact]
    public void Attribute_Null_IsLeftOut()
    {
        Assert.Equal("<td>1</td>", new HtmlWriter().Element("td", "1", ("class", null)).ToString());
    }

    [Fact]
    public void Text_NonAscii_PassesThrough()
    {
        Assert.Equal("<p>é → 中</p>", new HtmlWriter().Element("p", "é → 中").ToString());
    }

    [Theory]
    [InlineData("p onclick")]
    [InlineData("")]
    [InlineData("p>")]
    public void Open_NameThatIsNotAnIdentifier_Throws(string tag)
    {
        Assert.Throws<ArgumentException>(() => new HtmlWriter().Open(tag));
    }

    [Fact]
    public void ToString_UnclosedElement_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new HtmlWriter().Open("div").ToString());
    }
}
