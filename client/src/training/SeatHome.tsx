import { EmptyNote } from '../components';
import { useSession } from '../session';
import { SeatPanel } from './SeatPanel';
import { useI18n } from '../i18n';

/** A trainee's home: their seat in their exercise run (from the join code's session). */
export function SeatHome() {
  const session = useSession();
  const { t } = useI18n();
  return (
    <main id="main" className="training">
      {session?.runId && session.seat ? (
        <SeatPanel runId={session.runId} seat={session.seat} />
      ) : (
        <EmptyNote title={t('seatNoRun')} />
      )}
    </main>
  );
}
