using System.Collections.Concurrent;

namespace Coordination.Seed;

/// <summary>A count bumped from concurrent tasks.</summary>
public sealed class Counter
{
    private int value;
    public int Value => value;
    public void Add() => Interlocked.Increment(ref value);
}

/// <summary>What a run did.</summary>
public sealed class Tally
{
    private const int KeptProblems = 5;
    private readonly ConcurrentQueue<string> problems = new();

    public Counter CompaniesCreated { get; } = new();
    public Counter CompaniesExisting { get; } = new();
    public Counter LicenceActions { get; } = new();
    public Counter WorkersCreated { get; } = new();
    public Counter WorkersExisting { get; } = new();
    public Counter Trainings { get; } = new();
    public Counter Departures { get; } = new();
    public Counter Returns { get; } = new();
    public Counter Failures { get; } = new();
    public Counter WorkersDone { get; } = new();

    public void Fail(string what, ApiResponse response) => Fail($"{what}: {(int)response.Status} {response.Body}");

    public void Fail(string what)
    {
        Failures.Add();
        if (problems.Count < KeptProblems) problems.Enqueue(what);
    }

    public void Print(TimeSpan elapsed)
    {
        Console.WriteLine($"""
            seeded in {elapsed.TotalSeconds:0.0} s
              companies  {CompaniesCreated.Value} created, {CompaniesExisting.Value} existing, {LicenceActions.Value} suspensions/revocations posted
              workers    {WorkersCreated.Value} created, {WorkersExisting.Value} existing
              posted     {Trainings.Value} trainings, {Departures.Value} departures, {Returns.Value} returns
              failures   {Failures.Value}
            """);
        foreach (var problem in problems) Console.Error.WriteLine($"  {problem}");
    }
}
