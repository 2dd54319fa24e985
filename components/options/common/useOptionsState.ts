import { useEffect, useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { callBackground } from '@/utils/pages/background-client';
import type { AuthState, ReviewProgress } from '@/utils/shared/wire';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '@/utils/shared/settings-schema';
import type { TickStep, Ticks } from '@/utils/shared/onboarding/review-checklist';
import { describeError, type ErrorView } from '@/components/ui/localized';

/** Thrown by saveSettings when settings never loaded: saving defaults would wipe the real ones. */
export class SettingsNotLoadedError extends Error {}

/** How long the page waits for the background before showing its sections with an inline error. */
export const LOAD_TIMEOUT_MS = 4000;

export function optionsError(e: unknown): ErrorView {
  if (e instanceof SettingsNotLoadedError) return { text: i18n.t('options.errors.settingsNotLoaded') };
  return describeError(e, i18n.t('options.errors.noBackground'));
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e: unknown) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

export interface OptionsModel {
  loading: boolean;
  settings: Settings;
  settingsLoaded: boolean;
  auth?: AuthState;
  reviewProgress: ReviewProgress;
  /** Whether the review progress came from the background (the setup step can be judged). */
  reviewProgressLoaded: boolean;
  ticks: Ticks;
  loadErrors: ErrorView[];
  /** Saves a change to the latest settings; the background validates and answers with what it stored. */
  saveSettings: (patch: SettingsPatch) => Promise<Settings>;
  setAuth: (auth: AuthState) => void;
  setReviewProgress: (progress: ReviewProgress) => void;
  setTick: (step: TickStep, done: boolean) => Promise<void>;
  reload: () => Promise<void>;
}

/** Everything the options page shows, loaded at once; each failure becomes an inline error, never a blank page. */
export function useOptionsState(timeoutMs = LOAD_TIMEOUT_MS): OptionsModel {
  const [loading, setLoading] = useState(true);
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [settingsLoaded, setSettingsLoaded] = useState(false);
  const [auth, setAuth] = useState<AuthState>();
  const [reviewProgress, setReviewProgress] = useState<ReviewProgress>({});
  const [reviewProgressLoaded, setReviewProgressLoaded] = useState(false);
  const [loadErrors, setLoadErrors] = useState<ErrorView[]>([]);
  const current = useRef(settings);
  current.current = settings;

  async function reload() {
    const [s, a, c] = await Promise.allSettled([
      withTimeout(callBackground('settings.get', {}), timeoutMs),
      withTimeout(callBackground('auth.state', {}), timeoutMs),
      withTimeout(callBackground('review.get', {}), timeoutMs),
    ]);
    const errors: ErrorView[] = [];
    if (s.status === 'fulfilled') {
      setSettings(s.value);
      setSettingsLoaded(true);
    } else errors.push(optionsError(s.reason));
    if (a.status === 'fulfilled') setAuth(a.value);
    else errors.push(optionsError(a.reason));
    if (c.status === 'fulfilled') {
      setReviewProgress(c.value);
      setReviewProgressLoaded(true);
    } else errors.push(optionsError(c.reason));
    // The same cause (no background) usually fails every call: say it once.
    setLoadErrors(errors.filter((e, i) => errors.findIndex((o) => o.text === e.text) === i));
    setLoading(false);
  }

  useEffect(() => {
    void reload();
  }, []);

  /** Sends only what this screen changed; the background applies it to the stored settings. */
  async function saveSettings(patch: SettingsPatch): Promise<Settings> {
    if (!settingsLoaded) throw new SettingsNotLoadedError();
    const saved = await callBackground('settings.save', { patch });
    current.current = saved;
    setSettings(saved);
    return saved;
  }

  // The operator's own ticks live in the background's review progress with the tests' results (one place to
  // export, erase, and for the popup to read).
  async function setTick(step: TickStep, done: boolean) {
    setReviewProgress(await callBackground('review.mark', { step, done }));
  }
  const ticks: Ticks = {
    bizAppAt: reviewProgress.bizAppAt,
    appIdentityAt: reviewProgress.appIdentityAt,
    optInPageAt: reviewProgress.optInPageAt,
  };

  return {
    loading,
    settings,
    settingsLoaded,
    auth,
    reviewProgress,
    reviewProgressLoaded,
    ticks,
    loadErrors,
    saveSettings,
    setAuth,
    setReviewProgress,
    setTick,
    reload,
  };
}
