// The Register area: home (the table), one person, or the person form — switched by the area's own store.
import type { Session } from '../../../../shared/ipc/schemas';
import { useApp } from '../../state/app';
import '../../styles/register.css';
import { registerPerms } from './perms';
import { PersonForm } from './PersonForm';
import { PersonPage } from './PersonPage';
import { RegisterHome } from './RegisterHome';
import { resetRegisterView, useRegister } from './store';

// Locking (or a different operator unlocking) starts the register afresh: no query or person left on screen.
useApp.subscribe((s, prev) => {
  if (s.phase !== prev.phase && s.phase !== 'unlocked') resetRegisterView();
});

export function RegisterArea({ session }: { session: Session }) {
  const view = useRegister((s) => s.view);
  const perms = registerPerms(session.operator.role);
  switch (view.kind) {
    case 'home':
      return <RegisterHome perms={perms} />;
    case 'person':
      return <PersonPage key={view.id} id={view.id} perms={perms} />;
    case 'new':
      return perms.write ? <PersonForm id={null} /> : <RegisterHome perms={perms} />;
    case 'edit':
      return perms.write ? <PersonForm key={view.id} id={view.id} /> : <PersonPage id={view.id} perms={perms} />;
  }
}
