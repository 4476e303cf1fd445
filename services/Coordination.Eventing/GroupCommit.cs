using System.Threading.Channels;

namespace Coordination.Eventing;

/// <summary>
/// The loops of a group commit (<see cref="InboxGroups"/>, <see cref="WriteGroups"/>): whatever
/// is added while a group runs makes the next group, up to <see cref="MaxGroup"/>, with
/// <see cref="Committers"/> groups at a time.
/// </summary>
internal abstract class GroupCommit<T>
{
    // Two groups at a time: one can fetch and stage while the other commits. The work in a group
    // is one item after another, so a single group at a time fell behind a consumer endpoint's 64
    // messages in flight.
    public const int Committers = 2;
    protected const int MaxGroup = 64;

    private readonly Channel<T> _waiting = Channel.CreateUnbounded<T>();
    private int _started;
    private readonly Lock _taking = new();
    // Completes once every group taken so far is done.
    private Task _taken = Task.CompletedTask;

    protected void Add(T item)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            // Without the first caller's context: its trace would otherwise parent every group's spans.
            using var _ = ExecutionContext.SuppressFlow();
            for (var i = 0; i < Committers; i++) Task.Run(Commit);
        }
        _waiting.Writer.TryWrite(item);
    }

    /// <summary>Commits a group, answering each of its items itself; must not throw.</summary>
    /// <param name="earlier">completes once every group taken before this one is done (committed or failed).</param>
    protected abstract Task CommitGroup(List<T> group, Task earlier);

    private async Task Commit()
    {
        while (await _waiting.Reader.WaitToReadAsync())
        {
            // A list of its own each time: the commit may hand it on.
            var group = new List<T>(MaxGroup);
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Task earlier;
            lock (_taking)
            {
                while (group.Count < MaxGroup && _waiting.Reader.TryRead(out var item)) group.Add(item);
                earlier = _taken;
                _taken = Task.WhenAll(earlier, done.Task);
            }
            try
            {
                await CommitGroup(group, earlier);
            }
            finally
            {
                done.SetResult();
            }
        }
    }
}
