using System.Collections.Concurrent;

namespace Exchange.Testing;

/// <summary>
/// The console output of a service: the last <see cref="TailLength"/> lines for failure messages, and captures that
/// keep every line written while they are open. A test that asks "what did the service log during this step" opens
/// a capture before the step: positions in the tail shift once it is full, so counting lines there finds nothing
/// after a long run (a shared cluster logs thousands of lines).
/// </summary>
public sealed class ConsoleLog
{
    public const int TailLength = 500;

    private readonly ConcurrentQueue<string> _tail = new();
    private readonly ConcurrentDictionary<Capture, byte> _captures = new();

    /// <summary>The last <see cref="TailLength"/> lines, oldest first.</summary>
    public IReadOnlyList<string> Tail => [.. _tail];

    /// <summary>Every line written from now until the capture is disposed.</summary>
    public Capture StartCapture()
    {
        var capture = new Capture(this);
        _captures.TryAdd(capture, 0);
        return capture;
    }

    public void Write(string line)
    {
        _tail.Enqueue(line);
        while (_tail.Count > TailLength)
            _tail.TryDequeue(out _);
        foreach (var capture in _captures.Keys)
            capture.Add(line);
    }

    public sealed class Capture : IDisposable
    {
        private readonly ConsoleLog _log;
        private readonly ConcurrentQueue<string> _lines = new();

        internal Capture(ConsoleLog log) => _log = log;

        /// <summary>The lines written since the capture started, oldest first.</summary>
        public IReadOnlyList<string> Lines => [.. _lines];

        internal void Add(string line) => _lines.Enqueue(line);

        public void Dispose() => _log._captures.TryRemove(this, out _);
    }
}
