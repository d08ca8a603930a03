namespace Kindling.Data;

/// <summary>A categorical feature column whose rows hold labels the encoder never saw in training.</summary>
/// <param name="Column">The column's name.</param>
/// <param name="Rows">How many rows hold an unseen label (they encode as all zeros).</param>
/// <param name="Example">The first unseen label met.</param>
public sealed record UnseenCategories(string Column, int Rows, string Example);

public sealed partial class Preprocessor
{
    /// <summary>The categorical columns of <paramref name="frame"/> holding labels unseen in training, in feature
    /// order. <see cref="Transform"/> encodes such a label as all zeros, as scikit-learn's
    /// <c>OneHotEncoder(handle_unknown="ignore")</c> does; this says how often that happened, so a caller can warn.
    /// A missing cell is not unseen: it is imputed first.</summary>
    public IReadOnlyList<UnseenCategories> FindUnseen(Frame frame)
    {
        var found = new List<UnseenCategories>();
        if (OneHot is null) return found;
        for (int j = 0; j < _categorical.Length; j++)
        {
            // With an infrequent group, an unseen label is encoded there, as a rare one: nothing is zeroed.
            if (OneHot.InfrequentFlags[j]) continue;
            if (!frame.Contains(_categorical[j]) || frame[_categorical[j]] is not CategoricalColumn column) continue;
            int rows = 0;
            string? example = null;
            for (int i = 0; i < column.Length; i++)
            {
                string label = CategoricalImputer!.Apply(j, column[i]);
                if (OneHot.IndexOf(j, label) >= 0) continue;
                rows++;
                example ??= label;
            }
            if (rows > 0) found.Add(new UnseenCategories(_categorical[j], rows, example!));
        }
        return found;
    }
}
