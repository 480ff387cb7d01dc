using System.CommandLine;
using Exchange.Cli;
using Exchange.Cli.Commands;

var root = new RootCommand("exchange: call department services through the Exchange gateway and manage the catalog");
foreach (var option in GlobalOptions.All)
    root.Options.Add(option);
foreach (var command in DepartmentCommands.Create())
    root.Subcommands.Add(command);
root.Subcommands.Add(CatalogCommands.Create());
root.Subcommands.Add(AccessCommands.Create());
root.Subcommands.Add(AuditCommands.Create());
root.Subcommands.Add(LicenceCommands.Create());
root.Subcommands.Add(HealthCommand.Create());
root.Subcommands.Add(PkiCommands.Create());

return await root.Parse(args).InvokeAsync();
