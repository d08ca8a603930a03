using Kindling.Training;
using Spectre.Console;

namespace Kindling.Cli.Commands;

/// <summary>Runs the trainer while showing its progress: on a terminal a live bar with the losses, validation
/// accuracy, throughput and time left (colourless under NO_COLOR, still live); otherwise (piped output) a line
/// every tenth of the run; nothing with --json. <c>--log-every N</c> keeps a line per N epochs either way.</summary>
static class TrainProgress
{
    public static TrainResult Run(Trainer trainer, Tensor x, Tensor y, Tensor? xVal, Tensor? yVal, bool interactive,
        CancellationToken cancel, int? logEvery = null)
    {
        if (!interactive) return trainer.Fit(x, y, xVal, yVal, cancel: cancel);
        var line = new EpochLine(trainer.Options.Epochs, x.Size(0));
        return Terminal.IsRich
            ? RunLive(trainer, x, y, xVal, yVal, cancel, logEvery, line)
            : RunLines(trainer, x, y, xVal, yVal, cancel, logEvery ?? Math.Max(1, trainer.Options.Epochs / 10), line);
    }

    static TrainResult RunLive(Trainer trainer, Tensor x, Tensor y, Tensor? xVal, Tensor? yVal, CancellationToken cancel,
        int? logEvery, EpochLine line)
    {
        TrainResult? result = null;
        AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 24 }, new PercentageColumn(),
                new ThroughputColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("training", maxValue: trainer.Options.Epochs);
                task.Value = trainer.Epoch;
                EpochRecord? last = null;
                var progress = new Reporter(p =>
                {
                    if (p.EpochEnd is not { } e) return;
                    last = e;
                    task.Value = e.Epoch;
                    task.Description = Markup.Escape(line.Compact(e, DescriptionWidth));
                    // Spectre writes these above the live bar, so they stay on screen.
                    if (logEvery is int every && e.Epoch % every == 0) AnsiConsole.WriteLine(line.Full(e));
                });
                result = trainer.Fit(x, y, xVal, yVal, progress, cancel);
                if (result.Reason != StopReason.Completed && last is not null)
                {
                    // The run ended before its planned epochs (early stopping, Ctrl+C): the bar completes at the
                    // epoch it ended on instead of freezing part-way.
                    task.MaxValue = last.Epoch;
                    task.Value = last.Epoch;
                    task.Description = Markup.Escape($"{line.Compact(last, DescriptionWidth - 16)}  {Ended(result.Reason)}");
                }
                task.StopTask();
            });
        return result!;
    }

    // The terminal's width less the bar (24), percentage, speed and time-left columns and their gaps.
    static int DescriptionWidth => Math.Max(20, AnsiConsole.Profile.Width - 56);

    static TrainResult RunLines(Trainer trainer, Tensor x, Tensor y, Tensor? xVal, Tensor? yVal, CancellationToken cancel,
        int every, EpochLine line)
    {
        EpochRecord? last = null;
        bool printed = false;
        var result = trainer.Fit(x, y, xVal, yVal, new Reporter(p =>
        {
            if (p.EpochEnd is not { } e) return;
            last = e;
            printed = e.Epoch % every == 0 || e.Epoch == 1 || e.Epoch == p.Epochs;
            if (printed) Console.WriteLine(line.Full(e));
        }), cancel);
        // The epoch a shortened run ended on is always shown.
        if (last is not null && !printed) Console.WriteLine($"{EpochLine.Metrics(last)}  · {Ended(result.Reason)}");
        return result;
    }

    static string Ended(StopReason reason) => reason switch
    {
        StopReason.EarlyStopped => "stopped early",
        StopReason.Cancelled => "interrupted",
        StopReason.NonFiniteLoss => "stopped: non-finite loss",
        _ => "done",
    };

    // Progress<T> posts to a synchronisation context; the trainer's reports must be handled on the spot.
    sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}

/// <summary>Whether to draw live widgets and tables: an interactive terminal. NO_COLOR takes the colour away
/// (Spectre.Console honours it), not the live display (no-color.org asks for no more).</summary>
static class Terminal
{
    public static bool IsRich => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;
}
