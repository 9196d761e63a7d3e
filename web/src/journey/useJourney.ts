/**
 * A journey as the browser drives it. The service holds the journey (a durable workflow); the browser
 * keeps only its id, so a reload — or a restart of the service — puts the user back on the same screen:
 * the id is remembered per `slot` (who and what), and the view is read again from the service.
 *
 * - start: `POST /api/journeys` with an Idempotency-Key remembered before the call, so that a start
 *   retried after a failure or a reload gives the same journey, never a second one;
 * - send: `POST /api/journeys/{id}/events` with an Idempotency-Key kept until the event is answered,
 *   so "try again" after a 503 cannot apply it twice;
 * - a refusal (409/422) leaves the journey where it was: the error is shown, what was typed is kept.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, api, as, call, idempotencyKey, type JourneyView } from '../api';
import { useLanguage } from '../i18n';

export interface JourneyHandle {
  view?: JourneyView;
  /** The last refusal or failure of a call (cleared by the next one). */
  error?: ApiError;
  busy: boolean;
  /** Sends an event; resolves with the new view, or undefined when it was refused (see `error`). */
  send: (type: string, payload?: Record<string, unknown>) => Promise<JourneyView | undefined>;
  /** Sends the last event again with the same key (after a 503). */
  retry: () => Promise<JourneyView | undefined>;
  /** Forgets this journey and starts a new one. */
  restart: () => void;
}

const idKey = (slot: string) => `baw.journey.${slot}`;
const startKey = (slot: string) => `baw.start.${slot}`;

export function rememberedJourney(slot: string): string | undefined {
  return localStorage.getItem(idKey(slot)) ?? undefined;
}
export function rememberJourney(slot: string, id: string): void {
  localStorage.setItem(idKey(slot), id);
}
export function forgetJourney(slot: string): void {
  localStorage.removeItem(idKey(slot));
  localStorage.removeItem(startKey(slot));
}

export function useJourney(options: { machine: string; token?: string; slot: string; journeyId?: string }): JourneyHandle {
  const { machine, token, slot, journeyId } = options;
  const { language } = useLanguage();
  const [view, setView] = useState<JourneyView>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [generation, setGeneration] = useState(0);
  const pending = useRef<{ type: string; payload: Record<string, unknown>; key: string }>(undefined);
  const currentId = useRef<string>(undefined);

  useEffect(() => {
    if (!token) return;
    let live = true;
    const open = async () => {
      setBusy(true);
      try {
        const known = journeyId ?? rememberedJourney(slot);
        if (known) {
          try {
            const found = await call(api.GET('/api/journeys/{id}', { params: { path: { id: known } }, ...as(token) }));
            currentId.current = found.id;
            rememberJourney(slot, found.id);
            if (live) setView(found);
            return;
          } catch (err) {
            // A journey this person cannot see (another owner, or gone): start a new one instead.
            if (!(err instanceof ApiError) || err.status !== 404 || journeyId) throw err;
            forgetJourney(slot);
          }
        }
        const key = localStorage.getItem(startKey(slot)) ?? idempotencyKey();
        localStorage.setItem(startKey(slot), key);
        const started = await call(
          api.POST('/api/journeys', { body: { machine } as never, headers: { ...as(token).headers, 'Idempotency-Key': key } }),
        );
        currentId.current = started.id;
        rememberJourney(slot, started.id);
        if (live) setView(started);
      } catch (err) {
        if (live) setError(err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err)));
      } finally {
        if (live) setBusy(false);
      }
    };
    void open();
    return () => {
      live = false;
    };
    // `language`: the view's texts (errors, choices) are written in the caller's language.
  }, [machine, token, slot, journeyId, generation, language]);

  const deliver = useCallback(async (): Promise<JourneyView | undefined> => {
    const event = pending.current;
    const id = currentId.current;
    if (!event || !id || !token) return undefined;
    setBusy(true);
    setError(undefined);
    try {
      const next = await call(
        api.POST('/api/journeys/{id}/events', {
          params: { path: { id } },
          body: { type: event.type, ...event.payload } as never,
          headers: { ...as(token).headers, 'Idempotency-Key': event.key },
        }),
      );
      pending.current = undefined;
      setView(next);
      return next;
    } catch (err) {
      const failure = err instanceof ApiError ? err : new ApiError(0, 'NETWORK', String(err));
      // Only a call that may succeed on a second try keeps its key; a refusal is final for that event.
      if (!failure.retryable) pending.current = undefined;
      setError(failure);
      // A journey that has ended, or moved on elsewhere (another tab): show where it is now.
      if (failure.status === 409) {
        const now = await call(api.GET('/api/journeys/{id}', { params: { path: { id } }, ...as(token) })).catch(() => undefined);
        if (now) setView(now);
      }
      return undefined;
    } finally {
      setBusy(false);
    }
  }, [token]);

  const send = useCallback(
    (type: string, payload: Record<string, unknown> = {}) => {
      pending.current = { type, payload, key: idempotencyKey() };
      return deliver();
    },
    [deliver],
  );

  const restart = useCallback(() => {
    forgetJourney(slot);
    setView(undefined);
    setError(undefined);
    setGeneration((g) => g + 1);
  }, [slot]);

  return { view, error, busy, send, retry: deliver, restart };
}
