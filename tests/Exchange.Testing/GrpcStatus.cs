using Grpc.Core;

namespace Exchange.Testing;

public static class GrpcStatus
{
    /// <summary>The status a call ends with: OK, or the code of the RpcException it threw.</summary>
    public static async Task<StatusCode> OfAsync(Func<Task> call)
    {
        try
        {
            await call();
            return StatusCode.OK;
        }
        catch (RpcException ex)
        {
            return ex.StatusCode;
        }
    }
}
