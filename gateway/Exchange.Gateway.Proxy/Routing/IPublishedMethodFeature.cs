using Exchange.Protos.Catalog.V1;

namespace Exchange.Gateway.Routing;

/// <summary>
/// The published catalog resource that covers the gRPC method of the current request, set by routing before
/// the call is forwarded, for the checks that follow (grants, field minimisation, audit).
/// </summary>
public interface IPublishedMethodFeature
{
    /// <summary>Fully qualified gRPC service, for example exchange.publicsecurity.v1.PopulationService.</summary>
    string GrpcService { get; }

    /// <summary>Method name, for example GetResident.</summary>
    string GrpcMethod { get; }

    /// <summary>The published resource version that serves the method. Must not be mutated.</summary>
    Resource Resource { get; }

    /// <summary>Names of every data item of <see cref="Resource"/>, in catalog order.</summary>
    IReadOnlyList<string> DataItems { get; }

    /// <summary>The request path, <c>/{service}/{method}</c>.</summary>
    string Path { get; }

    /// <summary>The provider endpoint the call is forwarded to.</summary>
    string Endpoint { get; }
}
