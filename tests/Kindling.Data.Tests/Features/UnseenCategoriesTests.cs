namespace Kindling.Data.Tests.Features;

using Csv = Kindling.Data.Csv;

/// <summary>Issue 16: labels unseen in training encode as all zeros (sklearn's handle_unknown="ignore") and are
/// counted per column, so predict can warn; a file lacking model columns still reads when the caller asks.</summary>
public sealed class UnseenCategoriesTests
{
    static Preprocessor Fitted() =>
        Preprocessor.Fit(Csv.ReadText("x,island,sex,y\n1,Biscoe,male,a\n2,Dream,female,b\n3,Dream,,a\n4,Torgersen,male,b\n"),
            new PreprocessorOptions { Target = "y", Scaler = ScalerKind.None, Impute = ImputeStrategy.Median });

    [Fact]
    public void FindUnseen_CountsRowsPerColumnWithTheFirstExample_AndTransformGivesZeros()
    {
        var p = Fitted();
        var frame = Csv.ReadText("x,island,sex\n1,Atlantis,male\n2,Dream,unknown\n3,Mu,\n4,Atlantis,female\n",
            new CsvOptions { ColumnKinds = p.ColumnKinds });
        var unseen = p.FindUnseen(frame);
        Assert.Equal([new UnseenCategories("island", 3, "Atlantis"), new UnseenCategories("sex", 1, "unknown")], unseen);
        var x = p.TransformDouble(frame);
        // x, then island (Biscoe, Dream, Torgersen), then sex (female, male): unseen blocks are all zero.
        Assert.Equal([1, 0, 0, 0, 0, 1], Row(x, 0));
        Assert.Equal([2, 0, 1, 0, 0, 0], Row(x, 1));
        Assert.Equal([3, 0, 0, 0, 0, 1], Row(x, 2));  // the missing sex is imputed (most frequent: male), not unseen
    }

    [Fact]
    public void FindUnseen_AllSeen_IsEmpty()
    {
        var p = Fitted();
        var frame = Csv.ReadText("x,island,sex\n1,Dream,male\n", new CsvOptions { ColumnKinds = p.ColumnKinds });
        Assert.Empty(p.FindUnseen(frame));
    }

    [Fact]
    public void Read_KindsMayBeAbsent_SkipsColumnsTheFileLacks()
    {
        var kinds = Fitted().ColumnKinds;
        Assert.Throws<DataException>(() => Csv.ReadText("x,other\n1,2\n", new CsvOptions { ColumnKinds = kinds }));
        var frame = Csv.ReadText("x,other\n1,2\n", new CsvOptions { ColumnKinds = kinds, ColumnKindsMayBeAbsent = true });
        Assert.Equal(["x", "other"], frame.ColumnNames);
    }

    static double[] Row(double[,] x, int i) => Enumerable.Range(0, x.GetLength(1)).Select(j => x[i, j]).ToArray();
}
