using Microsoft.Playwright;

namespace Monitoring.Browser.Tests.Support;

/// <summary>Debian's headless Chromium (/usr/bin/chromium) driven by Playwright, offline: no browser download.</summary>
public sealed class Chromium : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run",
    ];

    private readonly IPlaywright _playwright;

    private Chromium(IPlaywright playwright, IBrowser browser)
    {
        _playwright = playwright;
        Browser = browser;
    }

    public IBrowser Browser { get; }

    public static async Task<Chromium> LaunchAsync()
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = Args,
        });
        return new Chromium(playwright, browser);
    }

    /// <summary>A fresh browser profile (its own cookies and localStorage), signed in through the sign-in form.</summary>
    public async Task<BrowserUser> SignIn(Uri baseAddress, string username, string password, string path)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1920, Height = 1080 },
        });
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        var user = new BrowserUser(context, page);
        await page.GotoAsync($"{path}");
        await page.WaitForURLAsync("**/signin**");
        await page.FillAsync("#username", username);
        await page.FillAsync("#password", password);
        await page.ClickAsync("#signin-button");
        await page.WaitForURLAsync($"**{path}");
        try
        {
            await page.Locator("[data-interactive=true]").WaitForAsync();
        }
        catch (TimeoutException ex)
        {
            await user.Screenshot($"failed-sign-in-{username}");
            throw new TimeoutException($"the page of {username} did not become interactive; console: {string.Join(" | ", user.ConsoleProblems)}", ex);
        }

        return user;
    }

    public async ValueTask DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
    }
}
