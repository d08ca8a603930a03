// https://github.com/huggingface/safetensors#format — the header is one JSON object:
// {"name": {"dtype": "F32", "shape": [..], "data_offsets": [begin, end]}, ..., "__metadata__": {str: str}}
using System.Text.Json;
using System.Text.Unicode;

namespace Kindling.Training.Io;

/// <summary>Parses a safetensors JSON header with <see cref="Utf8JsonReader"/> (no reflection, NativeAOT safe).</summary>
internal static class SafeTensorsHeaderReader
{
    internal const string MetadataKey = "__metadata__";

    /// <summary>Reads the header's entries (unordered) and metadata; <see cref="SafeTensorsLayout"/> checks the offsets.</summary>
    public static (List<SafeTensorsEntry> Entries, Dictionary<string, string> Metadata) Parse(ReadOnlySpan<byte> json, string file)
    {
        // The spec requires the header to begin with '{'; this also rejects most non-safetensors files early.
        if (json.IsEmpty || json[0] != (byte)'{')
            throw new SafeTensorsException(file, "the header does not start with '{' (not a safetensors file?)");
        if (!Utf8.IsValid(json))
            throw new SafeTensorsException(file, "the header is not valid UTF-8");

        var entries = new List<SafeTensorsEntry>();
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            Next(ref reader, file);   // the root '{'
            while (Next(ref reader, file) != JsonTokenType.EndObject)
            {
                string key = ReadString(ref reader, file);
                // The spec disallows duplicate keys; a JSON reader would silently keep one of them.
                if (!keys.Add(key))
                    throw new SafeTensorsException(file, key == MetadataKey
                        ? $"the header has two '{MetadataKey}' entries"
                        : $"tensor '{key}' appears twice in the header");
                Next(ref reader, file);
                if (key == MetadataKey) ReadMetadata(ref reader, metadata, file);
                else entries.Add(ReadEntry(ref reader, key, file));
            }
            if (reader.Read())
                throw new SafeTensorsException(file, "the header has content after its closing '}'");
        }
        catch (JsonException e)
        {
            throw new SafeTensorsException(file, $"the header is not valid JSON ({e.Message})", e);
        }
        return (entries, metadata);
    }

    static void ReadMetadata(ref Utf8JsonReader reader, Dictionary<string, string> metadata, string file)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new SafeTensorsException(file, $"'{MetadataKey}' is not an object of strings");
        while (Next(ref reader, file) != JsonTokenType.EndObject)
        {
            string key = ReadString(ref reader, file);
            if (Next(ref reader, file) != JsonTokenType.String)
                throw new SafeTensorsException(file, $"'{MetadataKey}' value for '{key}' is not a string");
            if (!metadata.TryAdd(key, ReadString(ref reader, file)))
                throw new SafeTensorsException(file, $"'{MetadataKey}' has the key '{key}' twice");
        }
    }

    static SafeTensorsEntry ReadEntry(ref Utf8JsonReader reader, string name, string file)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
            throw new SafeTensorsException(file, $"the header entry for tensor '{name}' is not an object");
        SafeTensorsDType? dtype = null;
        int[]? shape = null;
        long[]? offsets = null;
        while (Next(ref reader, file) != JsonTokenType.EndObject)
        {
            string field = ReadString(ref reader, file);
            Next(ref reader, file);
            switch (field)
            {
                case "dtype":
                    if (dtype is not null) throw Twice(file, name, field);
                    dtype = ReadDType(ref reader, name, file);
                    break;
                case "shape":
                    if (shape is not null) throw Twice(file, name, field);
                    shape = ReadShape(ref reader, name, file);
                    break;
                case "data_offsets":
                    if (offsets is not null) throw Twice(file, name, field);
                    offsets = ReadOffsets(ref reader, name, file);
                    break;
                default:
                    reader.Skip();   // unknown fields are ignored, as the reference reader does
                    break;
            }
        }
        if (dtype is null || shape is null || offsets is null)
            throw new SafeTensorsException(file, $"tensor '{name}' lacks '{(dtype is null ? "dtype" : shape is null ? "shape" : "data_offsets")}'");
        return new SafeTensorsEntry(name, dtype.Value, shape, offsets[0], offsets[1], ElementCount(shape, dtype.Value, name, file));
    }

    static SafeTensorsDType ReadDType(ref Utf8JsonReader reader, string name, string file)
    {
        if (reader.TokenType != JsonTokenType.String)
            throw new SafeTensorsException(file, $"tensor '{name}' has a 'dtype' that is not a string");
        if (!SafeTensorsDTypes.TryParse(ReadString(ref reader, file), out var dtype, out string? problem))
            throw new SafeTensorsException(file, $"tensor '{name}': {problem}");
        return dtype;
    }

    static int[] ReadShape(ref Utf8JsonReader reader, string name, string file)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
            throw new SafeTensorsException(file, $"tensor '{name}' has a 'shape' that is not an array");
        var dims = new List<int>();
        while (Next(ref reader, file) != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long d) || d < 0 || d > int.MaxValue)
                throw new SafeTensorsException(file, $"tensor '{name}' has a shape entry that is not a size from 0 to {int.MaxValue}");
            dims.Add((int)d);
        }
        return [.. dims];
    }

    static long[] ReadOffsets(ref Utf8JsonReader reader, string name, string file)
    {
        var offsets = new List<long>(2);
        if (reader.TokenType == JsonTokenType.StartArray)
        {
            while (Next(ref reader, file) != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long o) || o < 0)
                    throw new SafeTensorsException(file, $"tensor '{name}' has a data offset that is not a non-negative integer");
                offsets.Add(o);
            }
        }
        if (offsets.Count != 2)
            throw new SafeTensorsException(file, $"tensor '{name}' needs 'data_offsets' as [begin, end]");
        return [.. offsets];
    }

    /// <summary>Product of the dims; a zero dim gives an empty tensor, an overflow is an error.</summary>
    static long ElementCount(int[] shape, SafeTensorsDType dtype, string name, string file)
    {
        if (Array.IndexOf(shape, 0) >= 0) return 0;
        long count = 1;
        long limit = long.MaxValue / dtype.ElementSize();   // so that count · element size fits too
        foreach (int d in shape)
        {
            if (count > limit / d)
                throw new SafeTensorsException(file, $"tensor '{name}' has shape [{string.Join(", ", shape)}], too many elements");
            count *= d;
        }
        return count;
    }

    static SafeTensorsException Twice(string file, string name, string field) =>
        new(file, $"tensor '{name}' has '{field}' twice");

    static JsonTokenType Next(ref Utf8JsonReader reader, string file) =>
        reader.Read() ? reader.TokenType : throw new SafeTensorsException(file, "the header JSON ends early");

    /// <summary>A property name or string value; escapes that decode to invalid UTF-16 are an error.</summary>
    static string ReadString(ref Utf8JsonReader reader, string file)
    {
        try
        {
            return reader.GetString() ?? "";
        }
        catch (InvalidOperationException e)
        {
            throw new SafeTensorsException(file, $"the header holds an invalid string ({e.Message})", e);
        }
    }
}
