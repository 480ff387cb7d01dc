using Exchange.Catalog.Grpc;
using Exchange.ServiceDefaults.Options;

namespace Exchange.Catalog.Objections;

public static class ObjectionsExtensions
{
    /// <summary>Registers objections (数据异议): their options and calendar, the register, the feed gateways watch.</summary>
    public static WebApplicationBuilder AddObjections(this WebApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<ObjectionOptions, ObjectionOptionsValidator>(ObjectionOptions.Section);
        builder.Services.AddSingleton<WorkingCalendar>();
        builder.Services.AddSingleton<ObjectionChangeFeed>();
        builder.Services.AddScoped<IDeliveryRecords, GatewayDeliveryRecords>();
        builder.Services.AddScoped<ObjectionRegister>();
        builder.Services.AddScoped<ObjectionWatch>();
        return builder;
    }

    public static WebApplication MapObjections(this WebApplication app)
    {
        app.MapGrpcService<ObjectionGrpcService>();
        return app;
    }
}
