import type { Session } from '../../../shared/ipc/schemas';
import { Audit } from '../areas/audit/Audit';
import { ChangePassphraseDialog } from '../areas/settings/ChangePassphraseDialog';
import { Coming } from './Coming';
import { Dashboard } from '../areas/dashboard/Dashboard';
import { ExchangesArea } from '../areas/exchanges/ExchangesArea';
import { ConflictsArea } from '../areas/conflicts/ConflictsArea';
import { ListsArea } from '../areas/lists/ListsArea';
import { Operators } from '../areas/operators/Operators';
import { RegisterArea } from '../areas/register/RegisterArea';
import { Settings } from '../areas/settings/Settings';
import { TransferArea } from '../areas/transfer/TransferArea';
import { canSee, type AreaId } from '../lib/areas';
import { useApp } from '../state/app';
import { useVisits } from './areaHome';
import { CommandPalette } from './CommandPalette';
import { Header } from './Header';
import { Nav } from './Nav';
import { useIdleLock } from './useIdleLock';
import { useShellKeys } from './useShellKeys';

function AreaView({ area, session }: { area: AreaId; session: Session }) {
  // A hidden area is never rendered, even if the state somehow points at it.
  if (!canSee(session.operator.role, area)) return <Coming area="register" />;
  switch (area) {
    case 'register':
      return <RegisterArea session={session} />;
    case 'lists':
      return <ListsArea session={session} />;
    case 'operators':
      return <Operators session={session} />;
    case 'settings':
      return <Settings session={session} />;
    case 'audit':
      return <Audit />;
    case 'exchanges':
      return <ExchangesArea session={session} />;
    case 'dashboard':
      return <Dashboard />;
    case 'conflicts':
      return <ConflictsArea />;
    case 'transfers':
      return <TransferArea session={session} />;
    case 'sites':
      return <TransferArea session={session} initial="sites" />;
    default:
      return <Coming area={area} />;
  }
}

export function Shell({ session }: { session: Session }) {
  const area = useApp((s) => s.area);
  const overlay = useApp((s) => s.overlay);
  const open = useApp((s) => s.open);
  const visit = useVisits((s) => s.visit);
  useShellKeys();
  useIdleLock(session.settings.idleLockMinutes);
  return (
    <div className="shell">
      <Header session={session} />
      <Nav role={session.operator.role} />
      <main className="content" key={`${area}:${visit}`}>
        <AreaView area={area} session={session} />
      </main>
      {overlay === 'palette' ? <CommandPalette role={session.operator.role} /> : null}
      {overlay === 'changePassphrase' ? <ChangePassphraseDialog session={session} onClose={() => open(null)} /> : null}
    </div>
  );
}
