using Microsoft.AspNetCore.Components;
using Slipway.Deploy.Api;
using Slipway.Deploy.Auth;
using Slipway.Deploy.Data;

namespace Slipway.Deploy.Ui;

/// <summary>
/// Base of every signed-in page: sends anonymous visitors to the sign-in page, then loads the page's data through
/// the same services the API uses; a refusal (403, 404) becomes a message on the page with the same status code.
/// </summary>
public abstract class UiPage : ComponentBase
{
    [CascadingParameter] internal HttpContext? Http { get; set; }
    [Inject] internal DeployDbContext Db { get; set; } = null!;
    [Inject] internal Access Access { get; set; } = null!;
    [Inject] internal NavigationManager Nav { get; set; } = null!;

    /// <summary>The refusal met while loading, shown instead of the page.</summary>
    protected string? LoadError { get; private set; }

    internal Actor? Me { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        Me = Http is null ? null : Actor.From(Http.User);
        if (Me is null)
        {
            Nav.NavigateTo("/signin?returnUrl=" + Uri.EscapeDataString("/" + Nav.ToBaseRelativePath(Nav.Uri)));
            return;
        }
        try
        {
            await LoadAsync();
        }
        catch (ApiException e)
        {
            LoadError = e.Message;
            if (Http is { Response.HasStarted: false }) Http.Response.StatusCode = e.Status;
        }
    }

    protected virtual Task LoadAsync() => Task.CompletedTask;

    protected CancellationToken Aborted => Http?.RequestAborted ?? CancellationToken.None;
}
