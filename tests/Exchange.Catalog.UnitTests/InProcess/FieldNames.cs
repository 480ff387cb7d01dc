using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Exchange.Catalog.UnitTests.InProcess;

/// <summary>The names a form model gives its fields ([Display]), by the id the page renders for each field.</summary>
public static class FieldNames
{
    public static IReadOnlyDictionary<string, string> Of<TForm>(string prefix) =>
        typeof(TForm).GetProperties()
            .Select(property => (Id: $"{prefix}_{property.Name}", Name: property.GetCustomAttribute<DisplayAttribute>()?.Name))
            .Where(field => field.Name is not null)
            .ToDictionary(field => field.Id, field => field.Name!);
}
