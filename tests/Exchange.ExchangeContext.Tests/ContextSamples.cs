using Google.Protobuf.WellKnownTypes;
using GatewayContext = Exchange.Protos.Context.V1.ExchangeContext;

namespace Exchange.ExchangeContext.Tests;

internal static class ContextSamples
{
    public const string GetResident = "/exchange.publicsecurity.v1.PopulationService/GetResident";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static GatewayContext ForGetResident(DateTimeOffset now, TimeSpan lifetime) => new()
    {
        RequestId = "req-0001",
        ConsumerDepartmentCode = "CIVIL-AFFAIRS",
        ProviderDepartmentCode = "PUBLIC-SECURITY",
        ResourceCode = "PS-RESIDENT-BASIC",
        ResourceVersion = 1,
        Method = GetResident,
        DataItems = { "name", "birth_date" },
        CaseNumber = "HY-2026-000123",
        Purpose = "婚姻登记核验户籍",
        IssueTime = Timestamp.FromDateTimeOffset(now),
        ExpireTime = Timestamp.FromDateTimeOffset(now + lifetime),
    };
}
