/**
 * One journey on screen: the error summary, then the component of the current screen (or the generic
 * one), and — once the journey has ended — a notice that says so with a way to start again.
 */
import { useEffect, useRef } from 'react';
import { ErrorSummary, errorsOf, fieldErrors, useSignInAgain } from '../components/Errors';
import { useStrings } from '../i18n';
import { common } from '../strings';
import { GenericScreen } from './GenericScreen';
import { screenFor, type FieldTable, type ScreenTable } from './screens';
import type { JourneyHandle } from './useJourney';

export function JourneyPage({ journey, screens, fieldOf, onEnded }: { journey: JourneyHandle; screens: readonly ScreenTable[]; fieldOf?: FieldTable; onEnded?: () => void }) {
  const t = useStrings(common);
  const { view, error } = journey;
  const journeyError = view?.context.error as { code?: string; message?: string; details?: unknown } | undefined;
  const errors = errorsOf(error, journeyError, t('unavailable'), fieldOf);
  const signInAgain = useSignInAgain(error, view?.machine === 'signIn' ? journey.restart : undefined);
  const heading = useRef<HTMLDivElement>(null);
  const screenKey = view ? `${view.id}.${view.state}` : '';
  // A new screen: focus goes to its top, as after a page load (unless an error summary takes it).
  useEffect(() => {
    if (screenKey && errors.length === 0) focusTitle(heading.current);
    // Only when the screen changes.
    // (errors are read at that moment: a screen shown with an error focuses the summary instead)
  }, [screenKey]);
  if (!view) {
    return (
      <>
        <ErrorSummary errors={errors} onRetry={error?.retryable ? journey.restart : undefined} onSignInAgain={signInAgain} />
        {!error && <p aria-live="polite">{t('loading')}</p>}
      </>
    );
  }
  const Screen = screenFor(screens, view) ?? GenericScreen;
  const ended = view.status !== 'active';
  return (
    <div ref={heading} className="journey" data-machine={view.machine} data-screen={view.screen} aria-busy={journey.busy}>
      <ErrorSummary errors={errors} onRetry={error?.retryable ? () => void journey.retry() : undefined} onSignInAgain={signInAgain} />
      <Screen view={view} journey={journey} errors={errors} fieldErrors={fieldErrors(errors)} draftScope={`${view.id}.${view.state}`} failure={error} />
      {ended && (
        <div className="notice" role="status">
          <p>{t('ended')}</p>
          <button type="button" className="button secondary" onClick={onEnded ?? journey.restart}>
            {t('startAgain')}
          </button>
        </div>
      )}
    </div>
  );
}

/** Moves focus to the page's title (made focusable for it), as a new page does for a screen reader. */
export function focusTitle(root: HTMLElement | null): void {
  const title = root?.querySelector<HTMLElement>('h1');
  if (!title) return;
  title.tabIndex = -1;
  title.focus({ preventScroll: false });
}
