import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/preact';
import { ACTIVATION_MS, useActivation } from '@/components/compose/useActivation';

function Probe() {
  return <span data-testid="probe">{String(useActivation())}</span>;
}
const value = () => document.querySelector('[data-testid="probe"]')!.textContent;

describe('Send activation: only after the window was visible and focused for a moment', () => {
  let focused = true;
  beforeEach(() => {
    vi.useFakeTimers();
    focused = true;
    document.hasFocus = () => focused;
  });
  afterEach(() => {
    cleanup();
    vi.useRealTimers();
  });

  it('waits about 0.8 s after opening', () => {
    expect(ACTIVATION_MS).toBe(800);
    render(<Probe />);
    expect(value()).toBe('false');
    act(() => void vi.advanceTimersByTime(ACTIVATION_MS - 50));
    expect(value()).toBe('false');
    act(() => void vi.advanceTimersByTime(60));
    expect(value()).toBe('true');
  });

  it('is off while the window has no focus, and waits again from the moment focus returns', () => {
    focused = false;
    render(<Probe />);
    act(() => void vi.advanceTimersByTime(5000));
    expect(value()).toBe('false');
    focused = true;
    act(() => void window.dispatchEvent(new Event('focus')));
    act(() => void vi.advanceTimersByTime(500));
    expect(value()).toBe('false');
    act(() => void vi.advanceTimersByTime(400));
    expect(value()).toBe('true');
    // Losing focus turns it off at once; coming back starts the full wait over.
    act(() => void window.dispatchEvent(new Event('blur')));
    expect(value()).toBe('false');
    act(() => void window.dispatchEvent(new Event('focus')));
    act(() => void vi.advanceTimersByTime(700));
    expect(value()).toBe('false');
    act(() => void vi.advanceTimersByTime(200));
    expect(value()).toBe('true');
  });
});
