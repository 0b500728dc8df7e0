// What the page itself does against hostile content (issue 11), in real Chromium with the app's CSP: inline script
// and javascript: links never run, a dropped file does not replace the app, the app links nowhere outside itself,
// and the harness's trap catches a request to another origin (every e2e test fails on one; see harness close()).
import { describe, expect, it } from 'vitest';
import { ORIGIN } from './harness';
import { appAfterFirstRun } from './flows';

type Probe = Window & { __pwned?: number };

describe('a hostile page', () => {
  const suite = appAfterFirstRun();

  it('the unlocked app has no link or form that leaves its origin and none that opens a window', async () => {
    const { page } = suite.app;
    const outside = await page.evaluate((origin) => {
      const bad: string[] = [];
      for (const a of document.querySelectorAll<HTMLAnchorElement>('a[href], area[href]'))
        if (!a.href.startsWith(`${origin}/`) || a.target) bad.push(a.outerHTML);
      for (const f of document.querySelectorAll<HTMLFormElement>('form[action]')) if (!f.action.startsWith(`${origin}/`)) bad.push(f.outerHTML);
      for (const el of document.querySelectorAll('iframe, webview, object, embed')) bad.push(el.outerHTML);
      return bad;
    }, ORIGIN);
    expect(outside).toEqual([]);
  });

  it('CSP: inline script, inline handlers and javascript: URLs do not run', async () => {
    const { page, problems } = suite.app;
    const url = page.url();
    const violations = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener('securitypolicyviolation', (e) => seen.push(e.violatedDirective));
      const s = document.createElement('script');
      s.textContent = 'window.__pwned = 1';
      document.body.append(s);
      const img = document.createElement('img');
      img.setAttribute('src', 'data:image/png;base64,AA==');
      img.setAttribute('onerror', 'window.__pwned = 2');
      document.body.append(img);
      const a = document.createElement('a');
      a.href = 'javascript:window.__pwned = 3';
      document.body.append(a);
      a.click();
      await new Promise((r) => setTimeout(r, 300));
      s.remove();
      img.remove();
      a.remove();
      return seen;
    });
    expect(await page.evaluate(() => (window as Probe).__pwned)).toBeUndefined();
    expect(violations.length).toBeGreaterThanOrEqual(3);
    expect(violations.every((d) => d.startsWith('script-src'))).toBe(true);
    expect(page.url()).toBe(url);
    // The CSP reports its refusals on the console: expected here, so they do not count as the page's problems.
    problems.length = 0;
  });

  it('a file dropped on the window is not opened in place of the app', async () => {
    const { page } = suite.app;
    const url = page.url();
    const cancelled = await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['ref,surname\nX-1,Вигаданий\n'], 'list.csv', { type: 'text/csv' }));
      const results: boolean[] = [];
      for (const type of ['dragenter', 'dragover', 'drop']) {
        const event = new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true });
        document.body.dispatchEvent(event);
        if (type !== 'dragenter') results.push(event.defaultPrevented);
      }
      return results;
    });
    expect(cancelled).toEqual([true, true]);
    expect(page.url()).toBe(url);
    expect(await page.getByTestId('site-code').isVisible()).toBe(true);
  });

  it('the harness records a request to another origin (and would fail the run)', async () => {
    const { page, foreign } = suite.app;
    // A top-level navigation is a request no CSP directive stops: the trap must see it (the route also aborts it).
    await page.evaluate(() => {
      window.location.href = 'https://example.org/tracker';
    });
    await expect.poll(() => foreign.length, { timeout: 5000 }).toBeGreaterThan(0);
    expect(foreign.some((u) => u.startsWith('https://example.org/'))).toBe(true);
    // Cleared so that this deliberate request does not fail the suite's close().
    foreign.length = 0;
    suite.app.problems.length = 0;
  });
});
