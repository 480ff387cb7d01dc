using Exchange.Gateway.Identity;
using Exchange.Gateway.UnitTests.InProcess;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Exchange.Gateway.UnitTests.Identity;

/// <summary>
/// The caller step checks the department-caller policy's three requirements itself (issue 14) only while the policy is
/// exactly those three and nothing else could refuse a caller; otherwise every call goes through the framework's
/// evaluation. TokenValidationTests show the refusals either way; this shows which way the real gateway goes.
/// </summary>
public sealed class CallerAuthorizationPathTests(GatewayHost host) : IClassFixture<GatewayHost>
{
    [Fact]
    public async Task The_real_gateway_checks_its_department_caller_policy_directly()
    {
        var policy = await host.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(GatewayPolicies.DepartmentCaller);

        Assert.NotNull(policy);
        Assert.True(CallerAuthorizationMiddleware.ChecksDirectly(policy, host.Services.GetServices<IAuthorizationHandler>(), GatewayHost.Audience));
    }

    [Fact]
    public async Task A_policy_with_a_requirement_more_or_another_handler_is_left_to_the_framework()
    {
        var policy = (await host.Services.GetRequiredService<IAuthorizationPolicyProvider>().GetPolicyAsync(GatewayPolicies.DepartmentCaller))!;
        var handlers = host.Services.GetServices<IAuthorizationHandler>().ToList();
        var stricter = new AuthorizationPolicyBuilder(policy).RequireRole("auditor").Build();

        Assert.False(CallerAuthorizationMiddleware.ChecksDirectly(stricter, handlers, GatewayHost.Audience));
        Assert.False(CallerAuthorizationMiddleware.ChecksDirectly(policy, [.. handlers, new DenyAnonymousAuthorizationRequirement()], GatewayHost.Audience));
        Assert.False(CallerAuthorizationMiddleware.ChecksDirectly(policy, handlers, "another-audience"));
    }
}
