namespace Kindling.Cli;

static class Program
{
    static int Main(string[] args)
    {
        Console.Error.WriteLine("kindling: under construction");
        return 1;
    }
}
