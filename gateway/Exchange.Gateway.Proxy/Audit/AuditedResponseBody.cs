using System.IO.Pipelines;
using Microsoft.AspNetCore.Http.Features;

namespace Exchange.Gateway.Audit;

/// <summary>
/// The response body of an audited call. YARP completes a gRPC response itself (sending the trailers) right
/// after copying them; this wrapper records the call first, so the consumer never sees a final status whose
/// audit record is not yet on disk.
/// </summary>
internal sealed class AuditedResponseBody(IHttpResponseBodyFeature inner, Func<Task<bool>> record) : IHttpResponseBodyFeature
{
    private Task<bool>? _recorded;

    public Stream Stream => inner.Stream;

    public PipeWriter Writer => inner.Writer;

    /// <summary>Records the call once, whoever asks first; true when the record is durable.</summary>
    public Task<bool> RecordOnceAsync() => _recorded ??= record();

    public async Task CompleteAsync()
    {
        if (await RecordOnceAsync())
            await inner.CompleteAsync();
    }

    public void DisableBuffering() => inner.DisableBuffering();

    public Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default) =>
        inner.SendFileAsync(path, offset, count, cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken = default) => inner.StartAsync(cancellationToken);
}
