/**
 * Step 3 of the guide: the request journey (machine `request`) as the PO drives it, with the acting
 * token. `/breakatwork/requests/new` starts one, then the address becomes `/breakatwork/requests/<id>`
 * so a reload (or a draft resumed from the overview) finds the same journey on the same screen.
 */
import { useEffect } from 'react';
import { JourneyPage } from '../../journey/JourneyPage';
import { allows } from '../../journey/screens';
import { forgetJourney, useJourney } from '../../journey/useJourney';
import { navigate } from '../../router';
import { useSession, type Acting } from '../../session';
import { BawLayout } from './BawLayout';
import { requestFieldOf, requestScreens } from './screens/requestScreens';

export function RequestPage({ journeyId }: { journeyId?: string }) {
  const { acting } = useSession();
  useEffect(() => {
    if (!acting) navigate('/breakatwork', { replace: true });
  }, [acting]);
  if (!acting) return null;
  return <RequestJourney acting={acting} journeyId={journeyId} key={journeyId ?? 'new'} />;
}

function RequestJourney({ acting, journeyId }: { acting: Acting; journeyId?: string }) {
  const slot = journeyId ? `request.${journeyId}` : `request.new.${acting.enterprise}.${acting.mode}`;
  const journey = useJourney({ machine: 'request', token: acting.token, slot, journeyId });
  const { view } = journey;
  // A new request has its id: its address from now on (the slot of "new" is free for the next one).
  useEffect(() => {
    if (!journeyId && view) {
      forgetJourney(slot);
      navigate(`/breakatwork/requests/${encodeURIComponent(view.id)}`, { replace: true });
    }
  }, [journeyId, view, slot]);
  // An acting token the service no longer accepts (expired): sign in to Break@Work again; the journey is kept.
  const { signOut } = useSession();
  const refusedToken = journey.error?.status === 401;
  useEffect(() => {
    if (refusedToken) signOut('acting');
  }, [refusedToken, signOut]);
  const startRequest = view && allows(view, 'START_REQUEST') ? () => void journey.send('START_REQUEST') : undefined;
  return (
    <BawLayout current="new" onNewRequest={startRequest}>
      <JourneyPage journey={journey} screens={[requestScreens]} fieldOf={requestFieldOf} onEnded={() => navigate('/breakatwork/requests/new')} />
    </BawLayout>
  );
}
