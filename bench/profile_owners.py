#!/usr/bin/env python3
"""Shares of a process's CPU samples by what owns them, from `perf script -F comm,tid,ip,sym,dso` on stdin.

Each sample goes to the owner of the frame nearest its leaf that matches one of OWNERS (first match in list order per
frame), so a step of the gateway is charged what it runs itself and not what runs below it in another owner's code.
Frames perf cannot name (ReadyToRun code of the framework shows as [unknown]) are charged to the nearest named frame
above them; where the unwinding skipped frames that is the outermost middleware, which is why "service defaults:
request message validation" holds more than that step can cost (it only looks up endpoint metadata on a proxied call).
"""
import collections
import re
import sys

OWNERS = [
    # An adapter's own steps (bench/profile.sh with BENCH_PROFILE_TARGET=direct); no gateway frame matches these.
    ("adapter: exchange context gate and verifier (MAC, digest, subject, one-time id)", r"ExchangeContextGate|ExchangeContextVerifier|OneTimeIds|ExchangeContextMac|ContextSubjects::Read"),
    ("adapter: EF Core query and materialisation", r"Microsoft\.EntityFrameworkCore|CompiledQuery|PopulationStore|Npgsql"),
    ("adapter: gRPC method, interceptors, minimising", r"ExchangeContextInterceptor|PopulationService|ResponseDataItems|ExchangeAnswer|Grpc\.AspNetCore|Grpc\.Shared|ServerCallHandler"),
    ("metrics: OpenTelemetry, System.Diagnostics.Metrics", r"OpenTelemetry|System\.Diagnostics\.Metrics|MetricsHandler|MeterListener"),
    ("audit: checkpoints, Merkle tree, witnesses", r"MerkleTree|CheckpointPublisher|AuditWitnesses|WitnessedLog"),
    ("SQLite (gateway: the audit insert and commit; adapter: the read)", r"libe_sqlite3|Microsoft\.Data\.Sqlite|SQLitePCL"),
    ("audit: chain and leaf hashes", r"AuditChain::"),
    ("audit: writer thread, other", r"AuditWriter|AuditStore"),
    ("audit: call step (request id, entry, hand-off, held trailers)", r"CallAuditMiddleware|AuditedResponseBody|ExchangeCall|RequestIds"),
    ("caller: JwtBearer handler and validated-token cache", r"JwtBearer|ValidatedTokenCache|IdentityModel|CatalogTokenEvents"),
    ("caller: claims, principal, Caller.Of", r"System\.Security\.Claims|Caller::Of"),
    ("caller: authorization policy and requirements", r"PolicyEvaluator|Microsoft\.AspNetCore\.Authorization|DefaultAuthorizationService|GatewayPolicies|Requirement|CallerAuthorizationMiddleware"),
    ("caller: authentication middleware", r"AuthenticationMiddleware|AuthenticationService|AuthenticationHandler"),
    ("context: seal (serialise, HMAC, base64)", r"GatewayContextKeys|ContextSealer|Seal|HMAC|Hmac"),
    ("context: subject ids, request digest, new context", r"ContextSubjects|RequestDigest|ExchangeContextFactory|Google\.Protobuf"),
    ("context: step", r"ExchangeContextMiddleware"),
    ("case metadata", r"CaseMetadataMiddleware|PercentDecode|CaseNumbers"),
    ("grants", r"GrantAuthoriz|GrantTable"),
    ("rate limit", r"ConsumerRateLimit|TokenBucket|SharedTokenBuckets"),
    ("request message limit", r"RequestMessageLimitMiddleware"),
    ("published method, deadline, routing", r"PublishedMethodMiddleware|RoutingTable|GrpcTimeout|EndpointRouting|Microsoft\.AspNetCore\.Routing"),
    ("service defaults: request message validation (see above)", r"RequestMessageValidation|ClientCertificateGate"),
    ("YARP transforms (provider report, objections)", r"StructuredTransformer|ProviderReportTransform|ObjectionFlagTransform|RequestTransform|ResponseTransform"),
    ("YARP forwarder and stream copy", r"Yarp\."),
    ("HttpClient HTTP/2 (to the adapter)", r"System\.Net\.Http"),
    ("Kestrel HTTP/2 (from the consumer)", r"Kestrel"),
    ("hosting (request scope, diagnostics)", r"Microsoft\.AspNetCore\.Hosting|HostingApplication"),
    ("TLS (SslStream, OpenSSL)", r"SslStream|libssl|libcrypto|System\.Net\.Security"),
    ("sockets, epoll", r"System\.Net\.Sockets|SocketAsyncEngine|epoll"),
    ("thread pool, async machinery", r"ThreadPool|PortableThreadPool|WorkStealing|LowLevelLifoSemaphore|sched_yield"),
    ("logging", r"Microsoft\.Extensions\.Logging"),
]
PATTERNS = [(name, re.compile(pattern)) for name, pattern in OWNERS]


def owner(stack):
    for frame in stack:  # leaf first
        for name, pattern in PATTERNS:
            if pattern.search(frame):
                return name
    leaf = stack[0]
    if "kernel" in leaf:
        return "unattributed: kernel"
    if "libcoreclr" in leaf:
        return "unattributed: runtime (GC, JIT helpers)"
    return "unattributed: other"


def main():
    counts = collections.Counter()
    stack = []
    for line in sys.stdin:
        if line and not line[0].isspace():
            if stack:
                counts[owner(stack)] += 1
            stack = []
        elif line.strip():
            stack.append(line.strip())
    if stack:
        counts[owner(stack)] += 1
    total = sum(counts.values())
    print(f"{total} samples")
    for name, count in counts.most_common():
        print(f"{100 * count / total:6.2f} %  {name}")


if __name__ == "__main__":
    main()
