using System.CommandLine;

namespace Kindling.Cli.Commands;

/// <summary><c>kindling export</c>: the model with its preprocessing as one ONNX graph (raw features in, class
/// probabilities out).</summary>
static class ExportCommand
{
    public static Command Create()
    {
        var model = CommonOptions.Model();
        var onnx = new Option<string>("--onnx") { Description = "The ONNX file to write (opset 17).", Required = true };
        var command = new Command("export", "Export a trained model, preprocessing included, as ONNX.") { model, onnx };
        command.SetAction(parsed =>
        {
            string path = parsed.GetValue(onnx)!;
            OutputFile.Check(path, "--onnx");
            return OnnxExport.Run(ModelLoader.Load(parsed.GetValue(model)!), path);
        });
        return command;
    }
}
