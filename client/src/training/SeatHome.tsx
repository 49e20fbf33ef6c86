import { EmptyNote } from '../components';
import { useSession } from '../session';
import { useTrainingT } from './messages';
import { SeatPanel } from './SeatPanel';

/** A trainee's home: their seat in their exercise run (from the join code's session). */
export function SeatHome() {
  const session = useSession();
  const tt = useTrainingT();
  return (
    <main id="main" className="training">
      {session?.runId && session.seat ? (
        <SeatPanel runId={session.runId} seat={session.seat} />
      ) : (
        <EmptyNote title={tt('seatNoRun')} />
      )}
    </main>
  );
}
