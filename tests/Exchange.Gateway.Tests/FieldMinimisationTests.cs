using Exchange.Protos.PublicSecurity.V1;
using Exchange.Testing;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace Exchange.Gateway.Tests;

/// <summary>Consumers receive only the data items their grant names, narrowed further by their read_mask.</summary>
[Collection(SharedClusterCollection.Name)]
public sealed class FieldMinimisationTests(RecordedClusterFixture fixture)
{
    private static readonly Exchange.SyntheticData.Resident Subject = SeededPopulation.Default.Residents[0];

    // The seeded grant of civil affairs for PS-RESIDENT-BASIC: name, gender, birth_date, status.
    private PopulationService.PopulationServiceClient CivilAffairs => new(fixture.Cluster.GatewayCallsAs(ExchangeClients.CivilAffairs));

    [Fact]
    public async Task Ungranted_items_are_absent_from_the_response()
    {
        var resident = (await CivilAffairs.GetResidentAsync(new GetResidentRequest { CitizenId = Subject.CitizenId })).Resident;

        Assert.Equal(Subject.Name, resident.Name);
        Assert.Equal(Subject.BirthDate.ToString("yyyy-MM-dd"), resident.BirthDate);
        Assert.NotEqual(Gender.Unspecified, resident.Gender);
        Assert.Equal(ResidentStatus.Normal, resident.Status);
        Assert.Equal(string.Empty, resident.CitizenId);
        Assert.Equal(string.Empty, resident.Ethnicity);
        Assert.Equal(string.Empty, resident.RegisteredAddress);
    }

    [Fact]
    public async Task Read_mask_narrows_the_granted_items()
    {
        var resident = (await CivilAffairs.GetResidentAsync(new GetResidentRequest
        {
            CitizenId = Subject.CitizenId,
            ReadMask = FieldMask.FromString("name,registered_address"),
        })).Resident;

        Assert.Equal(Subject.Name, resident.Name);
        Assert.Equal(string.Empty, resident.RegisteredAddress);
        Assert.Equal(string.Empty, resident.BirthDate);
        Assert.Equal(Gender.Unspecified, resident.Gender);
    }

    [Fact]
    public async Task Read_mask_naming_no_data_item_is_invalid()
    {
        var ex = await Assert.ThrowsAsync<RpcException>(() => CivilAffairs.GetResidentAsync(new GetResidentRequest
        {
            CitizenId = Subject.CitizenId,
            ReadMask = FieldMask.FromString("salary"),
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Contains("salary", ex.Status.Detail);
    }

    [Fact]
    public async Task Provider_reading_its_own_resource_gets_every_item()
    {
        var resident = (await new PopulationService.PopulationServiceClient(fixture.Cluster.GatewayCallsAs(ExchangeClients.PublicSecurity))
            .GetResidentAsync(new GetResidentRequest { CitizenId = Subject.CitizenId })).Resident;

        Assert.Equal(Subject.CitizenId, resident.CitizenId);
        Assert.Equal(Subject.RegisteredAddress, resident.RegisteredAddress);
    }

    [Fact]
    public async Task Provider_bookkeeping_headers_do_not_reach_the_consumer()
    {
        using var call = CivilAffairs.GetResidentAsync(new GetResidentRequest { CitizenId = Subject.CitizenId });
        var headers = await call.ResponseHeadersAsync;
        await call.ResponseAsync;

        Assert.Null(headers.Get(Exchange.ExchangeContext.ExchangeMetadata.Holder));
        Assert.Null(headers.Get(Exchange.ExchangeContext.ExchangeMetadata.ReturnedItems));
        Assert.NotNull(headers.Get(Exchange.ExchangeContext.ExchangeMetadata.RequestId));
    }
}
