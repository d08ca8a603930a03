using System.Globalization;
using Kindling.Training;

namespace Kindling.Cli.Commands;

/// <summary>One epoch as the progress display shows it: losses, validation accuracy, throughput and time left
/// (Keras' and Lightning's progress lines).</summary>
sealed class EpochLine(int epochs, int rows)
{
    readonly System.Diagnostics.Stopwatch clock = System.Diagnostics.Stopwatch.StartNew();
    int first = -1;

    /// <summary>"epoch   10  loss 1.194117  val_loss 1.285590  val_acc 0.4565": the numbers, no timing.</summary>
    public static string Metrics(EpochRecord e) => string.Create(CultureInfo.InvariantCulture,
        $"epoch {e.Epoch,4}  loss {e.TrainLoss:F6}")
        + (e.ValLoss is double v ? string.Create(CultureInfo.InvariantCulture, $"  val_loss {v:F6}") : "")
        + (e.ValAccuracy is double a ? string.Create(CultureInfo.InvariantCulture, $"  val_acc {a:F4}") : "");

    /// <summary>What fits in <paramref name="width"/> columns, most telling first: "epoch 17/100 loss 1.1927
    /// val_acc 0.467 val_loss 1.2804" on a wide terminal, "epoch 17/100 loss 1.1927" on a narrow one.</summary>
    public string Compact(EpochRecord e, int width)
    {
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"epoch {e.Epoch}/{epochs}"), F("loss", e.TrainLoss, "F4") };
        if (e.ValAccuracy is double a) parts.Add(F("val_acc", a, "F3"));
        if (e.ValLoss is double v) parts.Add(F("val_loss", v, "F4"));
        string text = parts[0];
        foreach (var part in parts.Skip(1))
        {
            if (text.Length + 2 + part.Length > width) break;
            text += "  " + part;
        }
        return text;
    }

    static string F(string name, double value, string format) => $"{name} {value.ToString(format, CultureInfo.InvariantCulture)}";

    /// <summary>Epochs per second since the first report (a resumed run counts from its own start).</summary>
    public double EpochsPerSecond(int epoch)
    {
        if (first < 0) first = epoch - 1;
        double seconds = clock.Elapsed.TotalSeconds;
        return seconds > 0 ? (epoch - first) / seconds : 0;
    }

    /// <summary>The metrics, then "· 85 epochs/s · 0:03 left".</summary>
    public string Full(EpochRecord e)
    {
        double speed = EpochsPerSecond(e.Epoch);
        return $"{Metrics(e)}  · {Speed(speed)} · {Left(speed, epochs - e.Epoch)}";
    }

    /// <summary>"85 epochs/s", or "3.2 s/epoch, 285 rows/s" for slow epochs, where rows say more.</summary>
    public string Speed(double epochsPerSecond)
    {
        if (epochsPerSecond <= 0) return "-";
        return epochsPerSecond >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{epochsPerSecond:0.#} epochs/s")
            : string.Create(CultureInfo.InvariantCulture, $"{1 / epochsPerSecond:0.#} s/epoch, {epochsPerSecond * rows:N0} rows/s");
    }

    /// <summary>"0:03 left" at the current speed.</summary>
    public static string Left(double epochsPerSecond, int remaining)
    {
        if (remaining <= 0) return "done";
        if (epochsPerSecond <= 0) return "? left";
        var left = TimeSpan.FromSeconds(Math.Ceiling(remaining / epochsPerSecond));
        return (left.TotalHours >= 1 ? left.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : left.ToString(@"m\:ss", CultureInfo.InvariantCulture)) + " left";
    }
}
