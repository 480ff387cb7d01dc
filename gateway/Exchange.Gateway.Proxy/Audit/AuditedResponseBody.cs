using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.Audit;

/// <summary>
/// The response body of an audited call. YARP completes a gRPC response itself (sending the trailers) right
/// after copying them; this wrapper records the call first, so the consumer never sees a final status whose
/// audit record is not yet on disk. The answer of a unary call (one message) is held as well and written with the
/// trailers once the record is durable: its headers, message and status then leave in one write (one TLS record,
/// one send) instead of the message in one and the status in a second after the commit.
/// </summary>
internal sealed class AuditedResponseBody : IHttpResponseBodyFeature
{
    /// <summary>A larger answer is sent as it comes: holding it would cost memory per call and save nothing.</summary>
    internal const int MaxHeldBytes = 64 * 1024;

    private readonly IHttpResponseBodyFeature _inner;
    private readonly Func<Task<bool>> _record;
    private readonly Func<bool> _isUnary;
    private Task<bool>? _recorded;
    private bool? _holding;
    private ArrayBufferWriter<byte>? _held;

    /// <param name="isUnary">Asked at the first write: whether the call answers with one message (a streamed answer is never held).</param>
    public AuditedResponseBody(IHttpResponseBodyFeature inner, Func<Task<bool>> record, Func<bool> isUnary)
    {
        _inner = inner;
        _record = record;
        _isUnary = isUnary;
        Stream = new HeldStream(this);
    }

    public Stream Stream { get; }

    public PipeWriter Writer
    {
        get
        {
            // Whoever writes through the pipe writes after what is held, in order.
            Release();
            return _inner.Writer;
        }
    }

    /// <summary>Records the call once, whoever asks first; true when the record is durable.</summary>
    public Task<bool> RecordOnceAsync() => _recorded ??= _record();

    /// <summary>Records the call if nothing completed the response yet, then lets what is held go with the end of the response.</summary>
    public async Task FinishAsync()
    {
        if (await RecordOnceAsync())
            Release();
    }

    public async Task CompleteAsync()
    {
        if (await RecordOnceAsync())
        {
            Release();
            await _inner.CompleteAsync();
        }
    }

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        Release();
        return _inner.SendFileAsync(path, offset, count, cancellationToken);
    }

    public Task StartAsync(CancellationToken cancellationToken = default) => _inner.StartAsync(cancellationToken);

    /// <summary>Keeps <paramref name="data"/> back when this call's answer is held; false when it is to be written now.</summary>
    private bool Hold(ReadOnlySpan<byte> data)
    {
        if (!(_holding ??= _isUnary()))
            return false;
        if ((_held?.WrittenCount ?? 0) + data.Length > MaxHeldBytes)
        {
            // The writer passes what is held (TakeHeld) and then this through the stream, in order.
            _holding = false;
            return false;
        }
        (_held ??= new ArrayBufferWriter<byte>(Math.Max(data.Length, 256))).Write(data);
        return true;
    }

    /// <summary>What is held, no longer held; empty when nothing is.</summary>
    private ReadOnlyMemory<byte> TakeHeld()
    {
        var held = _held?.WrittenMemory ?? ReadOnlyMemory<byte>.Empty;
        _held = null;
        return held;
    }

    /// <summary>Writes what is held into the response without flushing it (the end of the response does) and stops holding.</summary>
    private void Release()
    {
        _holding = false;
        if (_held is not { WrittenCount: > 0 } held)
            return;
        _inner.Writer.Write(held.WrittenSpan);
        _held = null;
    }

    /// <summary>The response stream YARP copies the provider's answer into.</summary>
    private sealed class HeldStream(AuditedResponseBody body) : Stream
    {
        private Stream Inner => body._inner.Stream;

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            body.Hold(buffer.Span) ? ValueTask.CompletedTask
            : body._held is null ? Inner.WriteAsync(buffer, cancellationToken)
            : WriteHeldThenAsync(buffer, cancellationToken);

        private async ValueTask WriteHeldThenAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
        {
            await Inner.WriteAsync(body.TakeHeld(), cancellationToken);
            await Inner.WriteAsync(buffer, cancellationToken);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (body.Hold(buffer))
                return;
            if (body._held is not null)
                Inner.Write(body.TakeHeld().Span);
            Inner.Write(buffer);
        }

        public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

        public override Task FlushAsync(CancellationToken cancellationToken) =>
            body._holding is true ? Task.CompletedTask : Inner.FlushAsync(cancellationToken);

        public override void Flush()
        {
            if (body._holding is not true)
                Inner.Flush();
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
