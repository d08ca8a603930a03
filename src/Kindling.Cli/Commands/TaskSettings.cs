using Kindling.Data;
using Kindling.Training.Tasks;

namespace Kindling.Cli.Commands;

/// <summary>Chooses the task of a <c>kindling train</c> run, says why, and refuses options that belong to the other task.</summary>
static class TaskSettings
{
    public static TaskChoice Choose(Frame frame, string target, TrainSettings s, List<string> notes)
    {
        TaskChoice task;
        try
        {
            task = TaskChoice.Choose(frame[target], s.Task);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--task {s.Task}: {e.Message}");
        }
        notes.Add($"task: {task.Name} ({task.Reason})");
        if (task.Kind == TaskKind.Classification)
        {
            if (s.Loss is not null) throw new UsageException($"--loss {s.Loss} is for regression; this run is a classification ({task.Reason}) and trains with cross-entropy; use --task regression for a numeric target");
            if (s.TargetScaling is not null) throw new UsageException($"--target-scaling is for regression; this run is a classification ({task.Reason})");
            return task;
        }
        if (s.ClassWeight is not null) throw new UsageException($"--class-weight is for classification; this run is a regression ({task.Reason}); use --task classification to predict classes");
        if (s.Stratify) notes.Add("note: --stratify ignored: a continuous target has no classes to keep in proportion, so the split is plain train_test_split, as scikit-learn's for a regression");
        return task;
    }
}
