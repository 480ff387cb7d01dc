using System.Collections.Concurrent;
using System.Reflection;
using Xunit.v3;

namespace Exchange.Testing;

/// <summary>
/// Marks each test as ended when it ends (<c>[assembly: EndedTests]</c>), so that shared resources a test opened, such as
/// its browser tabs (<see cref="BrowserFixture"/>), can go to a later test once it is over while other tests still run beside it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly)]
public sealed class EndedTestsAttribute : BeforeAfterTestAttribute
{
    private static readonly ConcurrentDictionary<string, bool> Ended = new(StringComparer.Ordinal);

    public static bool HasEnded(string testUniqueId) => Ended.ContainsKey(testUniqueId);

    public override void After(MethodInfo methodUnderTest, IXunitTest test) => Ended.TryAdd(test.UniqueID, true);
}
