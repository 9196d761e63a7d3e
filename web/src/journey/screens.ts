/**
 * Which component draws which screen. A screen code comes from the machine's state `meta.screen`; a
 * component is registered for `<machine>.<screen>` (or for the bare screen code, any machine). A screen
 * with no component of its own is drawn by GenericScreen from the view alone, so a new state never
 * shows a blank page.
 */
import type { ComponentType } from 'react';
import type { ApiError, JourneyView } from '../api';
import type { ShownError } from '../components/Errors';
import type { JourneyHandle } from './useJourney';

export interface ScreenProps {
  view: JourneyView;
  journey: JourneyHandle;
  /** Errors of the last call and of the journey, already in the user's language. */
  errors: readonly ShownError[];
  /** The same, by field name. */
  fieldErrors: Readonly<Record<string, string>>;
  /** Scope under which a screen keeps what the user typed (journey id and screen). */
  draftScope: string;
  failure?: ApiError;
}

export type ScreenComponent = ComponentType<ScreenProps>;
export type ScreenTable = Readonly<Record<string, ScreenComponent>>;

/** Field each refusal code without a field path is about, per machine (activities' checks). */
export type FieldTable = Readonly<Record<string, string>>;

export function screenFor(tables: readonly ScreenTable[], view: JourneyView): ScreenComponent | undefined {
  for (const table of tables) {
    const found = table[`${view.machine}.${view.screen}`] ?? table[view.screen];
    if (found) return found;
  }
  return undefined;
}

/** The `context` of a view, typed loosely: screens read what their machine publishes. */
export function contextOf<T = Record<string, unknown>>(view: JourneyView): T {
  return view.context as T;
}

export function allows(view: JourneyView, type: string): boolean {
  return view.allowedEvents.some((e) => e.type === type);
}
