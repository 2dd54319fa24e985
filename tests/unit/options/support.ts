import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { vi } from 'vitest';
import { generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { callBackground } from '@/utils/pages/background-client';
import { BackgroundError } from '@/utils/shared/background-error';
import type { Input, MessageType, Output } from '@/utils/shared/protocol';
import type { WireError } from '@/utils/shared/reply';

// Shared by the popup and options component tests: Korean messages from locales/ko.yml through the real
// `#i18n` (fakeBrowser has no i18n), and a scripted background behind the mocked callBackground.

const load = (lang: 'ko' | 'en') =>
  generateChromeMessages(
    parseMessagesText(readFileSync(resolve(process.cwd(), `locales/${lang}.yml`), 'utf8'), 'YAML'),
  );
const MESSAGES = { ko: load('ko'), en: load('en') };

export function installLanguage(lang: 'ko' | 'en'): void {
  const i18n = fakeBrowser.i18n as unknown as { getMessage: (name: string) => string; getUILanguage: () => string };
  i18n.getMessage = (name: string) => MESSAGES[lang][name]?.message ?? '';
  i18n.getUILanguage = () => (lang === 'ko' ? 'ko' : 'en-US');
}

export function installKorean(): void {
  installLanguage('ko');
}

type Answer<T extends MessageType> = Output<T> | Error | ((input: Input<T>) => Output<T> | Promise<Output<T>>);
export type Script = { [T in MessageType]?: Answer<T> | 'pending' };

export function wireError(code: string, ko: string, extra: Partial<WireError> = {}): BackgroundError {
  return new BackgroundError({ code, ko, en: `${code} (en)`, ...extra });
}

/** Answers each request from the script; unscripted requests fail as the background would for an unknown one. */
export function scriptBackground(script: Script) {
  const mock = vi.mocked(callBackground);
  mock.mockImplementation((async (type: MessageType, input: unknown) => {
    const answer = script[type] as unknown;
    if (answer === 'pending') return new Promise(() => undefined);
    if (answer === undefined) throw wireError('unknown-message', `알 수 없는 요청: ${type}`);
    if (answer instanceof Error) throw answer;
    if (typeof answer === 'function') return (answer as (i: unknown) => unknown)(input);
    return structuredClone(answer);
  }) as typeof callBackground);
  return mock;
}

/** The calls made of one type, with their inputs. */
export function callsOf(type: MessageType): unknown[] {
  return vi
    .mocked(callBackground)
    .mock.calls.filter((c) => c[0] === type)
    .map((c) => c[1]);
}
