using System.Buffers;
using System.Security.Cryptography;
using Exchange.Protos.PublicSecurity.V1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using GatewayContext = Exchange.Protos.Context.V1.ExchangeContext;

namespace Exchange.ExchangeContext.Tests;

internal static class ContextSamples
{
    public const string GetResident = "/exchange.publicsecurity.v1.PopulationService/GetResident";
    public const string Department = "PUBLIC-SECURITY";
    public const string Citizen = "330106198812153739";

    public static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 30, 0, TimeSpan.Zero);

    public static readonly ContextKey Key = new(Department, "PUBLIC-SECURITY.20260301T000000Z", RandomNumberGenerator.GetBytes(32), Current: true, ExpireTime: null);

    public static byte[] Request(string citizenId = Citizen) => new GetResidentRequest { CitizenId = citizenId }.ToByteArray();

    public static ReadOnlySequence<byte> Message(byte[] request) => new(request);

    public static GatewayContext ForGetResident(DateTimeOffset now, TimeSpan lifetime, byte[]? request = null) => new()
    {
        RequestId = "req-0001",
        ConsumerDepartmentCode = "CIVIL-AFFAIRS",
        ProviderDepartmentCode = Department,
        ResourceCode = "PS-RESIDENT-BASIC",
        ResourceVersion = 1,
        Method = GetResident,
        DataItems = { "name", "birth_date" },
        CaseNumber = "HY-2026-000123",
        Purpose = "婚姻登记核验户籍",
        IssueTime = Timestamp.FromDateTimeOffset(now),
        ExpireTime = Timestamp.FromDateTimeOffset(now + lifetime),
        SubjectIds = { Citizen },
        RequestDigest = ByteString.CopyFrom(RequestDigest.Of(request ?? Request())),
        OneTimeId = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(16)),
    };
}

/// <summary>Context keys held in memory, as the fetcher would leave them.</summary>
internal sealed class StaticKeys(params ContextKey[] keys) : IContextKeySource
{
    public bool HasKeys => keys.Length > 0;

    public ContextKey? Find(string keyId) => keys.FirstOrDefault(k => k.KeyId == keyId);
}
