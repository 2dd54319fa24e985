import type { BrowserContext, Page } from 'playwright-core';

/** Waits for the launchWebAuthFlow window and signs in as `userId` on the emulator's consent page. */
export async function approveInAuthWindow(
  context: BrowserContext,
  userId: number,
  trigger: () => Promise<unknown>,
): Promise<void> {
  const auth = waitForAuthWindow(context);
  const done = trigger();
  await approve(await auth, userId);
  await done;
}

/** The identity window opens blank and then loads kauth: wait for the page, then for the consent form. */
export async function waitForAuthWindow(context: BrowserContext): Promise<Page> {
  const page = await context.waitForEvent('page', { timeout: 20_000 });
  await page.waitForURL(/^https:\/\/kauth\.kakao\.com\//, { timeout: 20_000 });
  return page;
}

async function approve(auth: Page, userId: number): Promise<void> {
  await auth.waitForSelector('#agree');
  await auth.selectOption('#user', String(userId));
  await auth.click('#agree');
}

/** Evaluates code in a content script's isolated world on `page` (what a content script could reach). */
export async function evaluateInContentScript(page: Page, extensionId: string, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
  cdp.on(
    'Runtime.executionContextCreated',
    (e: { context: { id: number; origin: string; auxData?: { type?: string } } }) => contexts.push(e.context),
  );
  await cdp.send('Runtime.enable');
  const isolated = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.includes(extensionId));
  if (!isolated) throw new Error('no content-script world on this page');
  const r = (await cdp.send('Runtime.evaluate', {
    expression,
    contextId: isolated.id,
    awaitPromise: true,
    returnByValue: true,
  })) as {
    result: { value?: unknown };
    exceptionDetails?: { exception?: { description?: string } };
  };
  await cdp.detach();
  if (r.exceptionDetails) return { error: r.exceptionDetails.exception?.description ?? 'exception' };
  return r.result.value;
}
