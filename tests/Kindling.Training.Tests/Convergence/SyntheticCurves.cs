namespace Kindling.Training.Tests.Convergence;

/// <summary>Loss curves with known shape, one value per epoch (index 0 = epoch 1).</summary>
internal static class SyntheticCurves
{
    public const int Epochs = 100;

    /// <summary>0.5 + 2·exp(−t/10): fast decay that levels off.</summary>
    public static double[] ExponentialDecay() => Curve(t => 0.5 + 2 * Math.Exp(-t / 10.0));

    /// <summary>2 − 0.01·t: falls at the same pace to the last epoch.</summary>
    public static double[] Linear() => Curve(t => 2 - 0.01 * t);

    /// <summary>1.0 with ±0.002 wiggle.</summary>
    public static double[] Flat() => Curve(t => 1.0 + 0.002 * Math.Sin(t));

    /// <summary>Decays to a minimum near epoch 50, then rises 0.01 per epoch (overfitting).</summary>
    public static double[] FallsThenRises() => Curve(t => 0.5 + 2 * Math.Exp(-t / 5.0) + Math.Max(0, t - 50) * 0.01);

    /// <summary>Adds N(0, sigma²) noise from a fixed seed (Box–Muller over System.Random's seeded sequence).</summary>
    public static double[] WithNoise(double[] curve, double sigma, int seed)
    {
        var random = new System.Random(seed);
        var noisy = new double[curve.Length];
        for (int i = 0; i < curve.Length; i++)
        {
            double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
            noisy[i] = curve[i] + sigma * Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
        }

        return noisy;
    }

    private static double[] Curve(Func<double, double> f) => Enumerable.Range(0, Epochs).Select(t => f(t)).ToArray();
}
