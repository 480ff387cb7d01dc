using Exchange.Catalog.Grpc;

namespace Exchange.Catalog.Objections;

public static class ObjectionsExtensions
{
    /// <summary>Registers objections (数据异议): their options and calendar, the register, the feed gateways watch.</summary>
    public static WebApplicationBuilder AddObjections(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ObjectionOptions>()
            .BindConfiguration(ObjectionOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.UtcOffset > TimeSpan.FromHours(-14) && o.UtcOffset < TimeSpan.FromHours(14) && o.UtcOffset.Ticks % TimeSpan.TicksPerMinute == 0,
                "Objections:UtcOffset must be a whole-minute offset between -14:00 and +14:00.")
            .Validate(o => !o.PublicHolidays.Intersect(o.WorkingWeekendDays).Any(),
                "Objections: a day cannot be both in PublicHolidays and in WorkingWeekendDays.")
            .ValidateOnStart();
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
