using System.CommandLine;
using Kindling.Training.Tasks;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling train</c>'s options for choosing the task and training a regression.</summary>
static class RegressionOptions
{
    public static (Option<string> Task, Option<string?> Loss, Option<string?> TargetScaling) Create()
    {
        var task = new Option<string>("--task")
        {
            Description = $"auto (default): classification for text, boolean or integer targets with at most {TaskChoice.MaxAutoClasses} distinct values, otherwise regression.",
            DefaultValueFactory = _ => "auto",
        };
        task.AcceptOnlyFromAmong([.. TaskChoice.Names]);
        var loss = new Option<string?>("--loss") { Description = "Regression loss: mse (default, nn.MSELoss), huber (nn.HuberLoss, delta 1) or l1 (nn.L1Loss)." };
        loss.AcceptOnlyFromAmong([.. RegressionLosses.Names]);
        var targetScaling = new Option<string?>("--target-scaling")
        {
            Description = "Regression target: standard (default: standardised on the training rows; predictions in its own units) or none.",
        };
        targetScaling.AcceptOnlyFromAmong("standard", "none");
        return (task, loss, targetScaling);
    }
}
