using Exchange.Gateway.Redis;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Exchange.Gateway.UnitTests.Redis;

public sealed class RedisConnectionTests
{
    private const string Password = "s3cret-redis-password";

    [Fact]
    public void The_redis_password_appears_in_no_log_line_and_no_message()
    {
        // Port 1 on loopback refuses at once: the connection logs that Redis is unreachable, naming where.
        var logger = new FakeLogger<RedisConnection>();
        using var connection = new RedisConnection(
            Options.Create(new RedisOptions { Configuration = $"127.0.0.1:1,password={Password},connectTimeout=200" }),
            logger, new FakeTimeProvider());

        Assert.NotEmpty(logger.Collector.GetSnapshot());
        Assert.Contains("127.0.0.1:1", connection.Endpoints, StringComparison.Ordinal);
        Assert.DoesNotContain(Password, connection.Endpoints, StringComparison.Ordinal);
        Assert.All(logger.Collector.GetSnapshot(), record =>
        {
            Assert.DoesNotContain(Password, record.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(Password, record.Exception?.ToString() ?? string.Empty, StringComparison.Ordinal);
        });
    }
}
