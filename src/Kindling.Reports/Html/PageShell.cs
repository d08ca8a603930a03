namespace Kindling.Reports.Html;

/// <summary>The start and end of every page: UTF-8, a viewport for phones, the style sheet inline, and a content
/// security policy that lets the page load nothing from anywhere (a report opens offline and never calls out).</summary>
internal static class PageShell
{
    /// <summary>Nothing but inline style and images from data: URIs.</summary>
    public const string OfflinePolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static HtmlWriter Begin(string title, string policy = OfflinePolicy)
    {
        var html = new HtmlWriter();
        html.Trusted("<!DOCTYPE html>\n");
        html.Open("html", ("lang", "en")).Open("head");
        html.Open("meta", ("charset", "utf-8"));
        html.Open("meta", ("http-equiv", "Content-Security-Policy"), ("content", policy));
        html.Open("meta", ("name", "viewport"), ("content", "width=device-width, initial-scale=1"));
        html.Element("title", title);
        html.Open("style").Trusted(ReportStyle.Css).Close();
        html.Close().Open("body").Open("main");
        return html;
    }

    public static string End(HtmlWriter html)
    {
        html.Close().Close().Close();   // main, body, html
        return html + "\n";
    }
}
