using System.CommandLine;
using Exchange.Certificates;

namespace Exchange.Cli.Commands;

/// <summary>`exchange pki init|renew`: the local exchange CA and the services' certificates, for one machine.</summary>
internal static class PkiCommands
{
    /// <summary>Every process of a local run that serves or calls over TLS.</summary>
    public static readonly string[] ServiceNames =
        ["exchange-gateway", "exchange-catalog", "public-security", "market-regulation", "civil-affairs", "balancer", "exchange-portal"];

    public static Command Create()
    {
        var directory = new Option<string>("--dir")
        {
            Description = "Directory of the PEM files (ca.crt, ca.key, <name>.crt, <name>.key)",
            DefaultValueFactory = _ => Path.Combine(".data", "pki"),
            Recursive = true,
        };
        var names = new Argument<string[]>("name")
        {
            Description = $"Certificates to create (default: {string.Join(", ", ServiceNames)})",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var init = new Command("init", "Create the local exchange CA and a certificate per service, unless they exist") { names };
        init.SetAction(parse =>
        {
            var pki = new ExchangePki(parse.GetValue(directory)!);
            var wanted = parse.GetValue(names) is { Length: > 0 } given ? given : ServiceNames;
            var created = pki.EnsureCreated(wanted);
            Console.WriteLine(created.Count == 0
                ? $"{pki.Directory}: CA and certificates already present"
                : $"{pki.Directory}: created {string.Join(", ", created)}");
            return 0;
        });

        var renewName = new Argument<string>("name") { Description = "Service whose certificate to issue anew (a running service picks it up on its next connection)" };
        var renew = new Command("renew", "Issue a service's certificate anew under the local CA, replacing its files") { renewName };
        renew.SetAction(parse =>
        {
            var pki = new ExchangePki(parse.GetValue(directory)!);
            using var certificate = pki.Issue(parse.GetValue(renewName)!);
            Console.WriteLine($"{pki.CertificatePath(parse.GetValue(renewName)!)}: serial {certificate.SerialNumber}, valid until {certificate.NotAfter:u}");
            return 0;
        });

        return new Command("pki", "The local exchange CA and the services' certificates") { directory, init, renew };
    }
}
