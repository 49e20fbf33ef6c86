import { EmptyNote } from '../components';
import { useSession } from '../session';
import { SeatByRole } from './roles/SeatByRole';
import { useI18n } from '../i18n';

/** A trainee's home: their seat in their exercise run (from the join code's session). */
export function SeatHome() {
  const session = useSession();
  const { t } = useI18n();
  return (
    <main id="main" className="training">
      {session?.runId && session.seat ? (
        <SeatByRole runId={session.runId} seat={session.seat} />
      ) : (
        <EmptyNote title={t('seatNoRun')} />
      )}
    </main>
  );
}
