namespace Kindling.Nn;

/// <summary>The nonlinearities <see cref="Init.CalculateGain"/> knows (PyTorch's <c>nonlinearity</c> strings).</summary>
public enum Nonlinearity
{
    /// <summary>Identity: gain 1.</summary>
    Linear,

    /// <summary>gain 1.</summary>
    Conv1d,

    /// <summary>gain 1.</summary>
    Conv2d,

    /// <summary>gain 1.</summary>
    Conv3d,

    /// <summary>gain 1.</summary>
    ConvTranspose1d,

    /// <summary>gain 1.</summary>
    ConvTranspose2d,

    /// <summary>gain 1.</summary>
    ConvTranspose3d,

    /// <summary>gain 1.</summary>
    Sigmoid,

    /// <summary>gain 5/3.</summary>
    Tanh,

    /// <summary>gain √2.</summary>
    Relu,

    /// <summary>gain √(2 / (1 + slope²)).</summary>
    LeakyRelu,

    /// <summary>gain 3/4.</summary>
    Selu,
}
