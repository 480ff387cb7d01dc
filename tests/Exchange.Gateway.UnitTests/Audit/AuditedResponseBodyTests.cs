using System.IO.Pipelines;
using Exchange.Gateway.Audit;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.UnitTests.Audit;

/// <summary>
/// A unary answer is held until its record is durable and then leaves whole with the end of the response (one write
/// instead of the message first and the status after the commit); a streamed or large answer passes as it comes; and a
/// call whose record failed sends nothing of what was held.
/// </summary>
public sealed class AuditedResponseBodyTests
{
    private static readonly byte[] Message = [0, 0, 0, 0, 3, 10, 1, 65];

    [Fact]
    public async Task A_unary_answer_reaches_the_consumer_only_with_the_end_of_the_response_after_its_record()
    {
        var inner = new RecordingBody();
        var record = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = new AuditedResponseBody(inner, () => record.Task, isUnary: () => true);

        await body.Stream.WriteAsync(Message);
        await body.Stream.FlushAsync();
        var completing = body.CompleteAsync();
        await Task.Yield();
        Assert.Empty(inner.Events);

        record.SetResult(true);
        await completing;
        Assert.Equal([$"write {Message.Length}", "flush", "complete"], inner.Events);
        Assert.Equal(Message, inner.Written.ToArray());
    }

    [Fact]
    public async Task A_unary_answer_whose_record_failed_sends_nothing()
    {
        var inner = new RecordingBody();
        var body = new AuditedResponseBody(inner, () => Task.FromResult(false), isUnary: () => true);

        await body.Stream.WriteAsync(Message);
        await body.Stream.FlushAsync();
        await body.CompleteAsync();
        await body.FinishAsync();

        Assert.Empty(inner.Events);
    }

    [Fact]
    public async Task A_unary_answer_the_forwarder_did_not_complete_goes_with_the_end_of_the_response_after_its_record()
    {
        var inner = new RecordingBody();
        var body = new AuditedResponseBody(inner, () => Task.FromResult(true), isUnary: () => true);

        await body.Stream.WriteAsync(Message);
        await body.FinishAsync();
        await inner.Writer.FlushAsync(); // what the server does when the pipeline returns

        Assert.Equal([$"write {Message.Length}", "flush"], inner.Events);
    }

    [Fact]
    public async Task A_streamed_answer_passes_at_once_and_its_end_waits_for_the_record()
    {
        var inner = new RecordingBody();
        var record = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        var body = new AuditedResponseBody(inner, () => record.Task, isUnary: () => false);

        await body.Stream.WriteAsync(Message);
        await body.Stream.FlushAsync();
        Assert.Equal([$"write {Message.Length}", "flush"], inner.Events);

        var completing = body.CompleteAsync();
        await Task.Yield();
        Assert.DoesNotContain("complete", inner.Events);
        record.SetResult(true);
        await completing;
        Assert.Equal("complete", inner.Events[^1]);
    }

    [Fact]
    public async Task An_answer_larger_than_the_hold_limit_passes_as_it_comes()
    {
        var inner = new RecordingBody();
        var body = new AuditedResponseBody(inner, () => Task.FromResult(true), isUnary: () => true);
        var large = new byte[AuditedResponseBody.MaxHeldBytes + 1];

        await body.Stream.WriteAsync(Message);
        await body.Stream.WriteAsync(large);
        await body.Stream.FlushAsync();

        Assert.Equal(Message.Length + large.Length, inner.Written.Length);
        Assert.DoesNotContain("complete", inner.Events);
    }

    /// <summary>A response body that notes what reaches the connection: each write (the pipe's flushed bytes) and completion.</summary>
    private sealed class RecordingBody : IHttpResponseBodyFeature
    {
        private readonly RecordingStream _stream;

        public RecordingBody()
        {
            _stream = new RecordingStream(Events, Written);
            Writer = PipeWriter.Create(_stream, new StreamPipeWriterOptions(leaveOpen: true));
        }

        public List<string> Events { get; } = [];

        public MemoryStream Written { get; } = new();

        public Stream Stream => _stream;

        public PipeWriter Writer { get; }

        public async Task CompleteAsync()
        {
            await Writer.FlushAsync();
            Events.Add("complete");
        }

        public void DisableBuffering()
        {
        }

        public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task StartAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;
    }

    private sealed class RecordingStream(List<string> events, MemoryStream written) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            events.Add($"write {buffer.Length}");
            written.Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

        public override Task FlushAsync(CancellationToken cancellationToken)
        {
            events.Add("flush");
            return Task.CompletedTask;
        }

        public override void Flush() => events.Add("flush");

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
