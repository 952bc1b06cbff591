using System.Collections.Concurrent;

namespace EdgeMoE.Actors.Runtime;

/// <summary>
/// Unbounded lock-free queue. The segment array is created on the first message, so an idle actor costs
/// only this object (24 bytes).
/// </summary>
internal sealed class UnboundedMessageQueue : MessageQueue
{
    private ConcurrentQueue<Envelope>? _queue;

    public override bool HasMessages => _queue is { IsEmpty: false };

    public override bool TryEnqueue(in Envelope envelope, bool mayWait)
    {
        var queue = _queue ?? Create();
        queue.Enqueue(envelope);
        return true;
    }

    public override bool TryDequeue(out Envelope envelope)
    {
        if (_queue is { } queue)
        {
            return queue.TryDequeue(out envelope);
        }

        envelope = default;
        return false;
    }

    private ConcurrentQueue<Envelope> Create()
    {
        Interlocked.CompareExchange(ref _queue, new ConcurrentQueue<Envelope>(), null);
        return _queue;
    }
}
