// https://github.com/huggingface/safetensors#format — "the byte buffer needs to be entirely indexed,
// and cannot contain holes", which rules out polyglot files and hidden payloads.
namespace Kindling.Training.Io;

/// <summary>Checks that the tensors' data_offsets tile the data buffer exactly and match their shapes.</summary>
internal static class SafeTensorsLayout
{
    /// <summary>Returns the entries in buffer order, or throws naming the first bad tensor.</summary>
    public static List<SafeTensorsEntry> Validate(List<SafeTensorsEntry> entries, long bufferLength, string file)
    {
        var sorted = new List<SafeTensorsEntry>(entries);
        sorted.Sort(static (a, b) =>
        {
            int c = a.Begin.CompareTo(b.Begin);
            if (c == 0) c = a.End.CompareTo(b.End);
            return c != 0 ? c : string.CompareOrdinal(a.Name, b.Name);
        });

        long covered = 0;
        SafeTensorsEntry? previous = null;
        foreach (var e in sorted)
        {
            if (e.Begin > e.End)
                throw Fail(file, e, "begin after end");
            if (e.End > bufferLength)
                throw Fail(file, e, $"past the end of the {bufferLength}-byte data buffer (truncated file?)");
            if (e.Begin < covered)
                throw Fail(file, e, $"overlapping tensor '{previous!.Name}' at {previous.OffsetsText}");
            if (e.Begin > covered)
                throw new SafeTensorsException(file,
                    $"bytes [{covered}, {e.Begin}) of the data buffer belong to no tensor (the offsets must cover the buffer without holes)");
            if (e.End - e.Begin != e.ByteLength)
                throw new SafeTensorsException(file,
                    $"tensor '{e.Name}' has dtype {e.DType.Name()} and shape {e.ShapeText} ({e.ByteLength} bytes) but data_offsets {e.OffsetsText} span {e.End - e.Begin} bytes");
            if (e.ElementCount > Array.MaxLength)
                throw new SafeTensorsException(file, $"tensor '{e.Name}' has {e.ElementCount} elements, more than one .NET array holds");
            covered = e.End;
            previous = e;
        }
        if (covered != bufferLength)
            throw new SafeTensorsException(file,
                $"the data buffer has {bufferLength} bytes but the tensors cover only {covered} (trailing bytes belong to no tensor)");
        return sorted;
    }

    static SafeTensorsException Fail(string file, SafeTensorsEntry e, string problem) =>
        new(file, $"tensor '{e.Name}' has data_offsets {e.OffsetsText} {problem}");
}
