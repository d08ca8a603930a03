namespace Kindling.Cli.Onnx;

/// <summary>The activation after a hidden layer (PyTorch's nn.ReLU, nn.LeakyReLU, nn.Sigmoid, nn.Tanh).</summary>
internal enum OnnxActivation { None, Relu, LeakyRelu, Sigmoid, Tanh }

/// <summary>One nn.Linear: y = x·Wᵀ + b with W (out, in) row-major, then <paramref name="Activation"/>.</summary>
internal sealed record OnnxDenseLayer(float[] Weight, float[]? Bias, int InFeatures, int OutFeatures,
    OnnxActivation Activation, float NegativeSlope = 0.01f);

/// <summary>A raw feature column of the exported model's input.</summary>
internal abstract record OnnxFeatureColumn(string Name);

/// <summary>A numeric column: one feature; NaN (a missing value) is replaced by <paramref name="Fill"/> when given.</summary>
internal sealed record OnnxNumericColumn(string Name, float? Fill = null) : OnnxFeatureColumn(Name);

/// <summary>
/// A categorical column: one-hot over <paramref name="Categories"/> (an unknown value gives all zeros,
/// like scikit-learn's OneHotEncoder(handle_unknown="ignore")); the empty string is a missing value,
/// replaced by <paramref name="Fill"/> when given. With <paramref name="Infrequent"/>, one more feature follows the
/// categories and takes every other value (OneHotEncoder(handle_unknown="infrequent_if_exist") with rare categories).
/// </summary>
internal sealed record OnnxCategoricalColumn(string Name, string[] Categories, string? Fill = null, bool Infrequent = false) : OnnxFeatureColumn(Name)
{
    /// <summary>Features this column encodes into.</summary>
    public int Width => Categories.Length + (Infrequent ? 1 : 0);
}

/// <summary>How the encoded feature vector is scaled before the network.</summary>
internal enum OnnxScalerKind
{
    /// <summary>StandardScaler: (x − A) / B with A = mean_, B = scale_.</summary>
    Standard,
    /// <summary>MinMaxScaler: x · A + B with A = scale_, B = min_.</summary>
    MinMax,
}

/// <summary>A regression target's de-scaling: prediction = output · <paramref name="Scale"/> + <paramref name="Mean"/>.</summary>
internal sealed record OnnxTargetScaling(double Mean, double Scale);

/// <summary>Per-feature scaling of the encoded vector (one entry per feature, one-hot columns included).</summary>
internal sealed record OnnxScaler(OnnxScalerKind Kind, float[] A, float[] B);
