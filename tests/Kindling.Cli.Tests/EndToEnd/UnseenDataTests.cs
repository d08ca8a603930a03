namespace Kindling.Cli.Tests.EndToEnd;

/// <summary>A saved model applied to data unlike its training data (issue 16): categories never seen in training
/// (encoded as all zeros, as scikit-learn's <c>OneHotEncoder(handle_unknown='ignore')</c>, with one warning per column),
/// feature columns the file lacks (all of them named), UTF-16/UTF-32 files, and the per-column imputation note.</summary>
public sealed class UnseenDataTests(UserCsvFixture pets) : IClassFixture<UserCsvFixture>
{
    // Rows like pets.csv's, some with a color or shape training never saw; one label carries an escape sequence and
    // a line break, which must not reach the terminal raw.
    const string UnseenRows = "id,width,height,color,shape,label\n"
        + "1,2.5,10,purple,round,bird\n"
        + "2,7.5,80,purple,square,dog\n"
        + "3,1.0,60,green,\"tri\u001b[31m\nangle\",cat\n"
        + "4,3.0,20,red,round,cat\n"
        + "5,3.0,20,Atlantis,round,cat\n";

    [Fact]
    public void Predict_UnseenCategories_PredictsEveryRowAndWarnsOncePerColumnWithTheCount()
    {
        using var temp = pets.Scratch();
        File.WriteAllText(temp["new.csv"], UnseenRows);
        var r = Cli.Run(temp.Path, "predict", "--model", pets.RunFolder, "--data", "new.csv", "--id-column", "id", "--output", "p.csv");
        CliAssert.Success(r);
        Assert.Equal(["1", "2", "3", "4", "5"], RawCsv.Read(temp["p.csv"]).Column("id"));
        var warnings = r.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, warnings.Length);
        Assert.Equal("warning: column 'color': 3 rows have values not seen in training (e.g. 'purple'); they were encoded as all zeros", warnings[0]);
        Assert.Equal("warning: column 'shape': 1 row has a value not seen in training (e.g. 'tri\\u001b[31m\\nangle'); it was encoded as all zeros", warnings[1]);
        Assert.DoesNotContain('\u001b', r.Stderr);
        CliAssert.NoStackTrace(r);
    }

    [Fact]
    public void Predict_UnseenCategory_GivesTheSameProbabilitiesAsAnAllZeroOneHot()
    {
        // Every unseen label encodes as the same all-zero block, so two different unseen spellings must give
        // exactly the same probabilities (no hidden "other" category, no error).
        using var temp = pets.Scratch();
        File.WriteAllText(temp["a.csv"], "width,height,color,shape\n2.5,10,purple,round\n7.5,80,Atlantis,square\n");
        File.WriteAllText(temp["b.csv"], "width,height,color,shape\n2.5,10,teal,round\n7.5,80,zzz,square\n");
        var a = Cli.Run(temp.Path, "predict", "--model", pets.RunFolder, "--data", "a.csv", "--proba");
        var b = Cli.Run(temp.Path, "predict", "--model", pets.RunFolder, "--data", "b.csv", "--proba");
        CliAssert.Success(a);
        CliAssert.Success(b);
        Assert.Equal(a.Stdout, b.Stdout);
    }

    [Fact]
    public void Evaluate_UnseenCategories_WarnsAndReportsMetrics()
    {
        using var temp = pets.Scratch();
        File.WriteAllText(temp["new.csv"], UnseenRows);
        var r = Cli.Run(temp.Path, "evaluate", "--model", pets.RunFolder, "--data", "new.csv");
        CliAssert.Success(r);
        Assert.Contains("warning: column 'color': 3 rows have values not seen in training (e.g. 'purple')", r.Stderr);
        Assert.Contains("rows 5", r.Stdout);
    }

    [Theory]
    [InlineData("predict")]
    [InlineData("evaluate")]
    public void MissingFeatureColumns_ExitTwoNamingEveryMissingColumn(string command)
    {
        using var temp = pets.Scratch();
        File.WriteAllText(temp["few.csv"], "id,height,shape,label\n1,10,round,cat\n");
        var r = Cli.Run(temp.Path, command, "--model", pets.RunFolder, "--data", "few.csv");
        CliAssert.UserError(r, "the model needs column 'width', which few.csv lacks", "missing 2 columns: 'width', 'color'", "'id', 'height', 'shape', 'label'");
        Assert.DoesNotContain("a kind was given", r.Stderr);
    }

    [Theory]
    [InlineData("utf-16le")]
    [InlineData("utf-16be")]
    [InlineData("utf-32le")]
    public void Predict_UnicodeFileWithByteOrderMark_GivesTheSameOutputAsUtf8(string encoding)
    {
        using var temp = pets.Scratch();
        var text = File.ReadAllText(pets.Unlabelled);
        System.Text.Encoding e = encoding switch
        {
            "utf-16le" => new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: true),
            "utf-16be" => new System.Text.UnicodeEncoding(bigEndian: true, byteOrderMark: true),
            _ => new System.Text.UTF32Encoding(bigEndian: false, byteOrderMark: true),
        };
        File.WriteAllBytes(temp["wide.csv"], [.. e.GetPreamble(), .. e.GetBytes(text)]);
        var utf8 = Cli.Run(temp.Path, "predict", "--model", pets.RunFolder, "--data", pets.Unlabelled, "--id-column", "id", "--proba");
        var wide = Cli.Run(temp.Path, "predict", "--model", pets.RunFolder, "--data", "wide.csv", "--id-column", "id", "--proba");
        CliAssert.Success(utf8);
        CliAssert.Success(wide);
        Assert.Equal(utf8.Stdout, wide.Stdout);
    }

    [Fact]
    public void Predict_Utf16WithoutByteOrderMark_ExitsTwoSayingReSaveAsUtf8()
    {
        using var temp = pets.Scratch();
        File.WriteAllBytes(temp["wide.csv"], new System.Text.UnicodeEncoding(bigEndian: false, byteOrderMark: false).GetBytes(File.ReadAllText(pets.Unlabelled)));
        var r = Cli.Run(temp.Path, "predict", "--model", pets.RunFolder, "--data", "wide.csv");
        CliAssert.UserError(r, "wide.csv", "looks like UTF-16 text without a byte-order mark: re-save it as UTF-8");
    }

    [Fact]
    public void Train_ImputedNote_GivesTheStrategyPerColumn()
    {
        var notes = pets.Json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToArray();
        Assert.Contains("imputed missing values: median in 'width', 'height'; most frequent in 'color'", notes);
    }
}
