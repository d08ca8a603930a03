using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Kindling.Cli.Commands;

/// <summary>A progress column with the task's speed in epochs per second (the bar's units), as Keras shows
/// steps/s; Spectre's own speed column counts bytes.</summary>
sealed class ThroughputColumn : ProgressColumn
{
    protected override bool NoWrap => true;

    public override IRenderable Render(RenderOptions options, ProgressTask task, TimeSpan deltaTime)
    {
        double? speed = task.Speed;
        string text = speed is not double s || s <= 0 ? "" : s >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{s:0.#} epochs/s")
            : string.Create(CultureInfo.InvariantCulture, $"{1 / s:0.#} s/epoch");
        return new Text(text);
    }

    public override int? GetColumnWidth(RenderOptions options) => 14;
}
