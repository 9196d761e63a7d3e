/**
 * What the user typed on a screen, kept in this browser until the screen's event is accepted: a reload,
 * a 503 or a restart of the service never loses it.
 */
import { useCallback, useEffect, useState } from 'react';

export type Draft = Record<string, unknown>;

export function useDraft<T extends Draft>(scope: string | undefined, initial: T): [T, (name: keyof T & string, value: unknown) => void, () => void] {
  const key = scope ? `baw.draft.${scope}` : undefined;
  const read = useCallback((): T => {
    if (!key) return initial;
    try {
      return { ...initial, ...(JSON.parse(sessionStorage.getItem(key) ?? localStorage.getItem(key) ?? '{}') as Partial<T>) };
    } catch {
      return initial;
    }
    // `initial` is a fresh object each render: only the key decides what to read.
  }, [key]);
  const [values, setValues] = useState<T>(read);
  useEffect(() => setValues(read()), [read]);
  const set = useCallback(
    (name: keyof T & string, value: unknown) => {
      setValues((previous) => {
        const next = { ...previous, [name]: value };
        if (key) localStorage.setItem(key, JSON.stringify(next));
        return next;
      });
    },
    [key],
  );
  const clear = useCallback(() => {
    if (key) localStorage.removeItem(key);
  }, [key]);
  return [values, set, clear];
}
