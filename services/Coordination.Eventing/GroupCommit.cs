using System.Threading.Channels;

namespace Coordination.Eventing;

/// <summary>
/// The loops of a group commit (<see cref="InboxGroups"/>, <see cref="WriteGroups"/>): whatever
/// arrives while a group runs makes the next group, up to <paramref name="maxGroup"/>, with
/// <paramref name="committers"/> groups at a time. <paramref name="commit"/> answers each item
/// of its group itself and must not throw.
/// </summary>
internal sealed class GroupCommit<T>(int committers, int maxGroup, Func<List<T>, Task> commit)
{
    private readonly Channel<T> _waiting = Channel.CreateUnbounded<T>();
    private int _started;

    public void Add(T item)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            // Without the first caller's context: its trace would otherwise parent every group's spans.
            using var _ = ExecutionContext.SuppressFlow();
            for (var i = 0; i < committers; i++) Task.Run(Commit);
        }
        _waiting.Writer.TryWrite(item);
    }

    private async Task Commit()
    {
        while (await _waiting.Reader.WaitToReadAsync())
        {
            // A list of its own each time: the commit may hand it on.
            var group = new List<T>(maxGroup);
            while (group.Count < maxGroup && _waiting.Reader.TryRead(out var item)) group.Add(item);
            await commit(group);
        }
    }
}
