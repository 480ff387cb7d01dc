using Exchange.Protos.CivilAffairs.V1;
using Exchange.Protos.MarketRegulation.V1;
using Exchange.Protos.PublicSecurity.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using static Exchange.ExchangeContext.Tests.ContextSamples;

namespace Exchange.ExchangeContext.Tests;

/// <summary>The subject of a call, read from the request bytes by the fields marked (exchange.context.v1.subject).</summary>
public sealed class ContextSubjectsTests
{
    private static readonly ContextSubjects Subjects = ContextSubjects.FromContracts();

    [Fact]
    public void The_marked_identifier_of_each_department_request_is_its_subject()
    {
        Assert.Equal([Citizen], Read(GetResident, new GetResidentRequest { CitizenId = Citizen, ReadMask = new FieldMask { Paths = { "name" } } }));
        Assert.Equal(["91330106MALC7YCP9L"], Read("/exchange.marketregulation.v1.EnterpriseService/GetEnterprise", new GetEnterpriseRequest { CreditCode = "91330106MALC7YCP9L" }));
        Assert.Equal([Citizen], Read("/exchange.civilaffairs.v1.CivilAffairsService/GetMarriageRecords", new GetMarriageRecordsRequest { CitizenId = Citizen }));
    }

    [Fact]
    public void The_last_occurrence_of_a_field_wins_as_in_a_parse()
    {
        var twice = new GetResidentRequest { CitizenId = "11010519491231002X" }.ToByteArray()
            .Concat(new GetResidentRequest { CitizenId = Citizen }.ToByteArray()).ToArray();

        Assert.Equal(GetResidentRequest.Parser.ParseFrom(twice).CitizenId, Assert.Single(Subjects.Read(GetResident, Message(twice))!));
    }

    [Fact]
    public void A_method_without_subject_fields_has_an_empty_subject()
    {
        Assert.Empty(Subjects.Read("/exchange.licence.v1.LicenceIssuerService/GetLicence", Message([0x0A, 0x01, 0x41]))!);
    }

    [Fact]
    public void Bytes_that_are_not_protobuf_have_no_subject()
    {
        Assert.Null(Subjects.Read(GetResident, Message([0x0A, 0x7F, 0x41])));
    }

    private static string[] Read(string method, IMessage request) => Subjects.Read(method, Message(request.ToByteArray())) ?? ["(not protobuf)"];
}
