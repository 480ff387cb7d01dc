using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Catalog.UnitTests.InProcess;

public static class CatalogHostExtensions
{
    /// <summary>Runs <paramref name="use"/> with a scoped service of the host, as a page or gRPC call would get it.</summary>
    public static async Task<TResult> WithAsync<TService, TResult>(this CatalogHost host, Func<TService, Task<TResult>> use)
        where TService : notnull
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
