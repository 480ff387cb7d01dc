using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Exchange.ServiceDefaults.Options;

/// <summary>
/// The one way an Exchange service registers its settings: an options class bound from its configuration section,
/// checked at start-up by a source-generated <c>[OptionsValidator]</c> for it (the rules are attributes and an
/// <see cref="System.ComponentModel.DataAnnotations.IValidatableObject"/> on the class), so a bad value stops the
/// host with an <see cref="OptionsValidationException"/> naming the key to fix, before any call is served.
/// </summary>
public static class ValidatedOptionsExtensions
{
    /// <summary>Binds <typeparamref name="TOptions"/> from the section at <paramref name="sectionPath"/> of the host's configuration.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, string sectionPath)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().BindConfiguration(sectionPath).ValidateOnStart();
    }

    /// <summary>Binds <typeparamref name="TOptions"/> from <paramref name="section"/>.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TValidator>());
        return services.AddOptions<TOptions>().Bind(section).ValidateOnStart();
    }
}
