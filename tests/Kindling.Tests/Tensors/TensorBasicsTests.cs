namespace Kindling.Tests.Tensors;

/// <summary>Storage, views, creation, conversion and misuse errors, as PyTorch's documented behaviour
/// (https://pytorch.org/docs/stable/tensor_view.html); error texts follow PyTorch's.</summary>
public sealed class TensorBasicsTests
{
    [Fact]
    public void Views_ShareStorage_AsPyTorch()
    {
        var x = Torch.Arange(0, 6, 1.0).View(2, 3);
        x.T.Select(0, 1).Fill_(-1);               // column 1
        x.Narrow(0, 1, 1).Select(1, 2).Fill_(9);  // element (1, 2)
        Assert.Equal(new float[] { 0, -1, 2, 3, -1, 9 }, x.ToArray<float>());
        Assert.False(x.T.IsContiguous);
        Assert.Equal(new[] { 3, 2 }, x.T.Contiguous().Shape);
        Assert.Equal(new[] { 1, 2, 3 }, x.Unsqueeze(0).Shape);
        Assert.Equal(new[] { 6 }, x.Flatten().Shape);
        Assert.Equal(new[] { 2, 3 }, x.Unsqueeze(1).Squeeze(1).Shape);
        Assert.Equal(new float[] { 3, -1, 9 }, x[1].ToArray<float>());
    }

    [Fact]
    public void View_NonContiguous_ThrowsAndReshapeCopies()
    {
        var x = Torch.Zeros(2, 3).T;
        Assert.Throws<InvalidOperationException>(() => x.View(6));
        Assert.Equal(new[] { 6 }, x.Reshape(-1).Shape);
        var ex = Assert.Throws<ArgumentException>(() => x.Reshape(4, 2));
        Assert.Contains("shape '[4, 2]' is invalid for input of size 6", ex.Message);
    }

    [Fact]
    public void Creation_ShapesDTypesAndValues()
    {
        Assert.Equal(DType.Float32, Torch.Zeros(2, 3).DType);
        Assert.Equal(new long[] { 0, 1, 2 }, Torch.Arange(3).ToArray<long>());
        Assert.Equal(new float[] { 0.5f, 1f, 1.5f }, Torch.Arange(0.5, 2.0, 0.5).ToArray<float>());
        Assert.Equal(new double[] { 7, 7 }, Torch.Full([2], 7, DType.Float64).ToArray<double>());
        Assert.Equal(2.5, Torch.Scalar(2.5).Item());
        Assert.Equal(new float[] { 1, 2, 3, 4 }, Torch.Tensor(new float[,] { { 1, 2 }, { 3, 4 } }).ToArray<float>());
        Assert.Equal(5, Torch.Zeros(4, 5).Size(-1));
    }

    [Fact]
    public void Conversion_BetweenDTypes_AsPyTorch()
    {
        var f = Torch.Tensor(new float[] { -1.7f, 0f, 2.9f });
        Assert.Equal(new long[] { -1, 0, 2 }, f.Long().ToArray<long>());       // truncation toward zero
        Assert.Equal(new[] { true, false, true }, f.Bool().ToArray<bool>());
        Assert.Equal(DType.Float32, Torch.Tensor(new long[] { 1 }).Div(2).DType);   // true division
        Assert.Equal(DType.Int64, Torch.Tensor(new long[] { 1 }).Add(2).DType);
        Assert.Equal(DType.Float32, Torch.Tensor(new long[] { 1 }).Add(0.5).DType);
        Assert.Equal(DType.Float64, f.Add(Torch.Tensor(new double[] { 1, 2, 3 })).DType);
        Assert.Equal(DType.Float32, f.Add(Torch.Scalar(1, DType.Float64)).DType);   // 0-dim does not widen
    }

    [Fact]
    public void SeedAccuracyExpression_ComputesFraction()
    {
        var logits = Torch.Tensor(new float[,] { { 0.1f, 0.9f }, { 0.8f, 0.2f }, { 0.3f, 0.7f } });
        var y = Torch.Tensor(new long[] { 1, 0, 0 });
        Assert.Equal(2.0 / 3.0, (logits.ArgMax(1) == y).Float().Mean().Item(), 6);
    }

    [Fact]
    public void MatMul_ShapeMismatch_NamesBothShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Torch.Zeros(3, 4).MatMul(Torch.Zeros(5, 2)));
        Assert.Equal("mat1 and mat2 shapes cannot be multiplied (3x4 and 5x2)", ex.Message);
    }

    [Fact]
    public void Add_BroadcastMismatch_NamesShapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Torch.Zeros(3, 4).Add(Torch.Zeros(3)));
        Assert.Contains("The size of tensor a (4) must match the size of tensor b (3) at non-singleton dimension 1", ex.Message);
        Assert.Contains("[3, 4] and [3]", ex.Message);
    }

    [Fact]
    public void Mm_DTypeMismatch_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => Torch.Zeros(2, 2).Mm(Torch.Zeros([2, 2], DType.Float64)));
        Assert.Contains("torch.float32 != torch.float64", ex.Message);
    }

    [Fact]
    public void Item_OnManyElements_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Torch.Zeros(2).Item());
        Assert.Contains("a Tensor with 2 elements cannot be converted to Scalar", ex.Message);
    }

    [Fact]
    public void ToArray_WrongType_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Torch.Zeros(2).ToArray<double>());
    }

    [Fact]
    public void IndexSelect_OutOfRange_NamesIndexAndSize()
    {
        var ex = Assert.Throws<IndexOutOfRangeException>(() => Torch.Zeros(3, 2)[Torch.Tensor(new long[] { 0, 3 })]);
        Assert.Contains("index 3 is out of bounds for dimension 0 with size 3", ex.Message);
    }

    [Fact]
    public void Dim_OutOfRange_Throws()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => Torch.Zeros(2, 3).Sum(2));
        Assert.Contains("Dimension out of range (expected to be in range of [-2, 1], but got 2)", ex.Message);
    }

    [Fact]
    public void Mean_OnIntegers_Throws()
    {
        var ex = Assert.Throws<InvalidOperationException>(() => Torch.Arange(3).Mean());
        Assert.Contains("Input dtype must be either a floating point", ex.Message);
    }

    [Fact]
    public void InPlace_CopyAndZero_WriteThroughViews()
    {
        var x = Torch.Zeros(2, 2);
        x.T.Copy_(Torch.Tensor(new float[,] { { 1, 2 }, { 3, 4 } }));
        Assert.Equal(new float[] { 1, 3, 2, 4 }, x.ToArray<float>());
        x.Select(0, 0).Zero_();
        Assert.Equal(new float[] { 0, 0, 2, 4 }, x.ToArray<float>());
    }

    [Fact]
    public void Span_OnNonContiguous_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => Torch.Zeros(2, 3).T.AsSpan().Length);
    }

    [Fact]
    public void FromArray_WrapsWithoutCopy()
    {
        var data = new float[] { 1, 2, 3, 4 };
        var t = Tensor.FromArray(data, 2, 2);
        data[3] = 10;
        Assert.Equal(10f, t.ToArray<float>()[3]);
        Assert.Equal(4, t.AsSpan().Length);
    }

    [Fact]
    public void Softmax_LargeLogits_StaysFinite()
    {
        // Max subtraction keeps exp from overflowing: softmax([1000, 1000]) = [0.5, 0.5].
        Assert.Equal(new float[] { 0.5f, 0.5f }, Torch.Tensor(new float[] { 1000, 1000 }).Softmax(0).ToArray<float>());
        Assert.Equal(new float[] { 0f, -1000f }, Torch.Tensor(new float[] { 1000, 0 }).LogSoftmax(0).ToArray<float>());
    }
}
