Console.WriteLine("SeedTraining");
