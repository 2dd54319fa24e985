import { useEffect, useRef } from 'preact/hooks';

/**
 * Runs `fn` when `value` changes after mount (not on mount): forms re-read stored values after a reload
 * without an effect that could overwrite what the operator typed in the first frame.
 */
export function useOnChange<T>(value: T, fn: (value: T) => void): void {
  const seen = useRef(value);
  useEffect(() => {
    if (Object.is(seen.current, value)) return;
    seen.current = value;
    fn(value);
  }, [value]);
}
