using Exchange.Protos.Catalog.V1;
using Exchange.Testing;
using Google.Rpc;
using Grpc.Core;

namespace Exchange.Catalog.Tests;

[Collection(SharedCatalogCollection.Name)]
public sealed class DepartmentTests(CatalogProcess catalog)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Registered_department_is_listed()
    {
        var code = TestResources.NewCode("HR");
        var creditCode = IdentifierVectors.Valid(IdentifierVectors.CreditCode).First();
        var registered = await catalog.Admin.RegisterDepartmentAsync(new RegisterDepartmentRequest
        {
            Department = new Department { Code = code, Name = "人力资源和社会保障厅", CreditCode = creditCode },
        }, cancellationToken: Ct);

        Assert.Equal(code, registered.Department.Code);
        var listed = await catalog.Admin.ListDepartmentsAsync(new ListDepartmentsRequest(), cancellationToken: Ct);
        var department = Assert.Single(listed.Departments, d => d.Code == code);
        Assert.Equal("人力资源和社会保障厅", department.Name);
        Assert.Equal(creditCode, department.CreditCode);
    }

    [Fact]
    public async Task Registering_a_taken_code_is_already_exists_and_keeps_the_first()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => catalog.Admin.RegisterDepartmentAsync(new RegisterDepartmentRequest
        {
            Department = new Department { Code = "PUBLIC-SECURITY", Name = "冒名部门" },
        }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.AlreadyExists, error.StatusCode);
        var listed = await catalog.Admin.ListDepartmentsAsync(new ListDepartmentsRequest(), cancellationToken: Ct);
        Assert.Equal("公安厅", Assert.Single(listed.Departments, d => d.Code == "PUBLIC-SECURITY").Name);
    }

    [Theory]
    [InlineData("public-security", "新设部门", "", "department.code")]
    [InlineData("PUBLIC SECURITY", "新设部门", "", "department.code")]
    [InlineData("", "新设部门", "", "department.code")]
    [InlineData("NEW-DEPARTMENT", "  ", "", "department.name")]
    [InlineData("NEW-DEPARTMENT", "新部门", "91350100", "department.credit_code")]
    public async Task Invalid_department_is_rejected_naming_the_field(string code, string name, string creditCode, string field)
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => catalog.Admin.RegisterDepartmentAsync(new RegisterDepartmentRequest
        {
            Department = new Department { Code = code, Name = name, CreditCode = creditCode },
        }, cancellationToken: Ct).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        var violation = Assert.Single(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations);
        Assert.Equal(field, violation.Field);
        var listed = await catalog.Admin.ListDepartmentsAsync(new ListDepartmentsRequest(), cancellationToken: Ct);
        Assert.DoesNotContain(listed.Departments, d => d.Code == code || d.Name == name);
    }
}
