using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

// exchange-bench-micro [--quick] [BenchmarkDotNet arguments, e.g. --filter '*Audit*']
// In-process: BenchmarkDotNet's generated projects would inherit this repository's build rules
// (warnings as errors, central package management); measuring in this process avoids that.
var quick = args.Contains("--quick");
var job = (quick ? Job.ShortRun : Job.Default).WithToolchain(InProcessEmitToolchain.Instance);
var config = DefaultConfig.Instance.AddJob(job).AddDiagnoser(MemoryDiagnoser.Default);
var rest = args.Where(a => a != "--quick").ToArray();
BenchmarkSwitcher.FromAssembly(typeof(Exchange.Bench.Micro.IdentifierBenchmarks).Assembly)
    .Run(rest.Length == 0 ? ["--filter", "*", "--join"] : rest, config);
