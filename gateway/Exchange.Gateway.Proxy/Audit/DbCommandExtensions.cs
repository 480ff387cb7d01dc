using System.Data.Common;

namespace Exchange.Gateway.Audit;

internal static class DbCommandExtensions
{
    /// <summary>Adds a named parameter (<c>@name</c> in the SQL), typed from its value, on any ADO.NET provider.</summary>
    public static DbParameter AddParameter(this DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
