using System.Globalization;
using Kindling.Training;
using Spectre.Console;

namespace Kindling.Cli.Commands;

/// <summary>Runs the trainer while showing its progress: a live bar with the running loss on a terminal,
/// a line every tenth of the run otherwise (piped output, NO_COLOR), nothing with --json.</summary>
static class TrainProgress
{
    public static TrainResult Run(Trainer trainer, Tensor x, Tensor y, Tensor? xVal, Tensor? yVal, bool interactive, CancellationToken cancel)
    {
        if (!interactive) return trainer.Fit(x, y, xVal, yVal, cancel: cancel);
        if (Terminal.IsRich)
        {
            TrainResult? result = null;
            AnsiConsole.Progress()
                .AutoClear(false)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(ctx =>
                {
                    var task = ctx.AddTask("training", maxValue: trainer.Options.Epochs);
                    task.Value = trainer.Epoch;
                    var progress = new Reporter(p =>
                    {
                        if (p.EpochEnd is { } e)
                        {
                            task.Value = e.Epoch;
                            task.Description = Format(e);
                        }
                    });
                    result = trainer.Fit(x, y, xVal, yVal, progress, cancel);
                });
            return result!;
        }
        int every = Math.Max(1, trainer.Options.Epochs / 10);
        return trainer.Fit(x, y, xVal, yVal, new Reporter(p =>
        {
            if (p.EpochEnd is { } e && (e.Epoch % every == 0 || e.Epoch == 1 || e.Epoch == p.Epochs))
                Console.WriteLine(Format(e));
        }), cancel);
    }

    static string Format(EpochRecord e) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {e.Epoch,4}  loss {e.TrainLoss:F6}") + (e.ValLoss is double v ? string.Create(CultureInfo.InvariantCulture, $"  val_loss {v:F6}") : "");

    // Progress<T> posts to a synchronisation context; the trainer's reports must be handled on the spot.
    sealed class Reporter(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}

/// <summary>Whether to draw with colours and live widgets.</summary>
static class Terminal
{
    public static bool IsRich =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"))
        && AnsiConsole.Profile.Capabilities.Interactive;
}
