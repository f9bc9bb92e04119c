using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace GuidelinesReview.E2E;

public static class Accessibility
{
    /// <summary>
    /// Runs axe-core on the page and fails on any serious or critical violation, listing them.
    /// The WCAG 2.2 target-size rule (24 × 24 px or spaced apart) is always on.
    /// </summary>
    public static async Task AssertNoSeriousViolationsAsync(IPage page)
    {
        var options = new AxeRunOptions { Rules = new Dictionary<string, RuleOptions> { ["target-size"] = new() { Enabled = true } } };
        var result = await page.RunAxe(options);
        var serious = result.Violations
            .Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")
            .ToList();
        Assert.True(serious.Count == 0, $"axe-core on {page.Url}:\n" + string.Join("\n", serious));
    }

    /// <summary>
    /// Fails when a visible button, link or form control inside <paramref name="scope"/> is smaller
    /// than <paramref name="minimum"/> px in either direction (44 px: the touch size phones ask for),
    /// naming each one. Links inside running text are left out, as WCAG does.
    /// </summary>
    public static async Task AssertTouchTargetsAsync(ILocator scope, int minimum = 44)
    {
        var small = await scope.EvaluateAsync<string[]>(
            """
            (root, min) => [...root.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])')]
              .filter(e => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden')
              .filter(e => !(e.tagName === 'A' && e.closest('p, li, td, blockquote') && !e.matches('.btn, [role=button]')))
              .map(e => [e, e.getBoundingClientRect()])
              .filter(([, r]) => r.width < min || r.height < min)
              .map(([e, r]) => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.className ? '.' + String(e.className).trim().split(/\s+/).join('.') : ''} "${(e.getAttribute('aria-label') || e.textContent || '').trim().slice(0, 30)}" ${Math.round(r.width)}×${Math.round(r.height)}`)
            """, minimum);
        Assert.True(small.Length == 0, $"touch targets under {minimum} px:\n" + string.Join("\n", small));
    }
}
