using Kindling.Nn;

namespace Kindling.Training.Runs;

/// <summary>The architecture <c>kindling train</c> builds: Linear layers with an activation (and optional Dropout)
/// between them — exactly the seed's <c>nn.Sequential</c>, so state-dict names are PyTorch's (<c>0.weight</c>, ...).</summary>
/// <param name="Inputs">Input features.</param>
/// <param name="Hidden">Hidden layer widths; empty for multinomial logistic regression.</param>
/// <param name="Activation">relu, leaky_relu, tanh, sigmoid or gelu.</param>
/// <param name="Dropout">Dropout probability after each hidden activation; 0 adds no Dropout layer.</param>
/// <param name="Classes">Output units: one logit per class, or 1 for a regression.</param>
public sealed record MlpSpec(int Inputs, IReadOnlyList<int> Hidden, string Activation, double Dropout, int Classes)
{
    /// <summary>Activation names accepted by <see cref="Activation"/>.</summary>
    public static IReadOnlyList<string> Activations { get; } = ["relu", "leaky_relu", "tanh", "sigmoid", "gelu"];

    /// <summary>The most parameters Kindling builds or loads: 2^28 (1 GiB of float32 weights, 4 GiB with Adam's state
    /// and gradients). Tabular MLPs are far smaller; the bound lets a crafted model.json be refused before any
    /// allocation instead of reading gigabytes and overflowing an activation's size later.</summary>
    public const long MaxParameters = 1L << 28;

    /// <summary>Weights and biases of all Linear layers in 64-bit arithmetic, saturating at <see cref="long.MaxValue"/>
    /// (sizes may come from a crafted file).</summary>
    public long ParameterCount()
    {
        long total = 0, width = Inputs;
        foreach (long h in Hidden.Append(Classes))
        {
            try
            {
                total = checked(total + (width * h) + h);
            }
            catch (OverflowException)
            {
                return long.MaxValue;
            }
            width = h;
        }
        return total;
    }

    /// <summary>Builds the <see cref="Sequential"/> (weights drawn by the constructors; reset them after seeding).</summary>
    public Sequential Build()
    {
        if (Inputs < 1) throw new ArgumentException($"the model needs at least one input feature, got {Inputs}");
        if (Classes < 1) throw new ArgumentException($"the model needs at least one output, got {Classes}");
        if (Hidden.Any(h => h < 1)) throw new ArgumentException($"hidden layer sizes must be positive, got [{string.Join(",", Hidden)}]");
        if (Dropout is < 0 or >= 1) throw new ArgumentException($"dropout must be in [0, 1), got {Dropout}");
        var layers = new List<Module>();
        int width = Inputs;
        foreach (int h in Hidden)
        {
            layers.Add(new Linear(width, h));
            layers.Add(CreateActivation(Activation));
            if (Dropout > 0) layers.Add(new Dropout(Dropout));
            width = h;
        }
        layers.Add(new Linear(width, Classes));
        return new Sequential([.. layers]);
    }

    /// <summary>The layers as (index in the Sequential, kind), e.g. (0, "Linear"), (1, "ReLU").</summary>
    public IReadOnlyList<(int Index, string Kind)> Layers()
    {
        var names = new List<(int, string)>();
        int index = 0;
        foreach (int _ in Hidden)
        {
            names.Add((index++, "Linear"));
            names.Add((index++, Activation));
            if (Dropout > 0) names.Add((index++, "Dropout"));
        }
        names.Add((index, "Linear"));
        return names;
    }

    static Module CreateActivation(string name) => name switch
    {
        "relu" => new ReLU(),
        "leaky_relu" => new LeakyReLU(),
        "tanh" => new Tanh(),
        "sigmoid" => new Sigmoid(),
        "gelu" => new GELU(),
        _ => throw new ArgumentException($"unknown activation '{name}'; use one of {string.Join(", ", Activations)}"),
    };
}
