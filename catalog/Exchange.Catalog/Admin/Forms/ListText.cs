namespace Exchange.Catalog.Admin.Forms;

/// <summary>A list typed into one text box: one entry per line, or separated by commas (either width), spaces or tabs.</summary>
public static class ListText
{
    public static string[] Split(string? text) =>
        (text ?? string.Empty).Split(['\n', '\r', ',', '，', '、', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
