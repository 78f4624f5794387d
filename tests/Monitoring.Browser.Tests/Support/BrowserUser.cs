using Microsoft.Playwright;

namespace Monitoring.Browser.Tests.Support;

/// <summary>One signed-in browser profile and its page; collects what the console said (CSP violations show there).</summary>
public sealed class BrowserUser : IAsyncDisposable
{
    private readonly List<string> _console = [];

    public BrowserUser(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                lock (_console)
                {
                    _console.Add($"{message.Type}: {message.Text}");
                }
            }
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> ConsoleProblems
    {
        get
        {
            lock (_console)
            {
                return [.. _console];
            }
        }
    }

    public async Task Screenshot(string name) =>
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathOf(name), FullPage = true });

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
