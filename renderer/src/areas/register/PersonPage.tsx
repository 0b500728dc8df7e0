// One person: a header that says who and in what state, then tabs. Viewers and field teams see it all read-only.
import { useCallback, useEffect, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDetail, Relative } from '../../../../shared/register';
import { FormError, type UiError } from '../../components/FormError';
import { PrintButtons } from '../manifest/PrintButtons';
import { AttachmentDialog } from './dialogs/AttachmentDialog';
import { ContactDialog } from './dialogs/ContactDialog';
import { RelativeDialog } from './dialogs/RelativeDialog';
import { SightingDialog } from './dialogs/SightingDialog';
import { StatusDialog } from './dialogs/StatusDialog';
import { latinName, originalName } from './format';
import type { RegisterPerms } from './perms';
import { StatusBadge } from './StatusBadge';
import { useRegister } from './store';
import { Attachments } from './tabs/Attachments';
import { Facts } from './tabs/Facts';
import { Family } from './tabs/Family';
import { History } from './tabs/History';
import { Timeline } from './tabs/Timeline';

const TABS = ['identity', 'capture', 'icrc', 'timeline', 'family', 'attachments', 'history'] as const;
type Tab = (typeof TABS)[number];
type Open = { kind: 'status' | 'sighting' | 'relative' | 'attachment' } | { kind: 'contact'; relative: Relative } | null;

export function PersonPage({ id, perms }: { id: string; perms: RegisterPerms }) {
  const { t } = useTranslation();
  const { show, changed } = useRegister();
  const [detail, setDetail] = useState<PersonDetail | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [tab, setTab] = useState<Tab>('identity');
  const [open, setOpen] = useState<Open>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const loaded = detail !== null;
  // On arrival (after a save too) focus is on the record itself: its name, read first by a screen reader.
  useEffect(() => {
    if (loaded) heading.current?.focus();
  }, [loaded, id]);

  const reload = useCallback(async () => {
    const r = await window.obmin.persons.get({ id });
    if (r.ok) setDetail(r.value);
    setError(r.ok ? null : r.error);
  }, [id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !document.querySelector('dialog[open]')) show({ kind: 'home' });
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [show]);

  // Tabs as the ARIA pattern has them: arrows move between them (wrapping), Home/End jump to the ends.
  const onTabKey = (e: ReactKeyboardEvent, list: readonly Tab[]) => {
    const i = list.indexOf(tab);
    const next =
      e.key === 'ArrowRight'
        ? list[(i + 1) % list.length]
        : e.key === 'ArrowLeft'
          ? list[(i - 1 + list.length) % list.length]
          : e.key === 'Home'
            ? list[0]
            : e.key === 'End'
              ? list[list.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    setTab(next);
    document.getElementById(`tab-${next}`)?.focus();
  };

  const done = (message: string) => {
    setOpen(null);
    setNotice(message);
    changed();
    void reload();
  };
  if (!detail) return <section className="area">{error ? <FormError error={error} /> : <p className="muted">{t('common.loading')}</p>}</section>;

  const p = detail.person;
  // The core sends null relatives to roles without family.read: then the tab does not exist at all.
  const tabs = TABS.filter((x) => x !== 'family' || detail.relatives !== null);
  const latin = latinName(p);
  return (
    <section className="area person" aria-labelledby="area-title">
      <button type="button" className="ghost small back" onClick={() => show({ kind: 'home' })} title="Esc">
        ← {t('register.person.back')}
      </button>
      <div className="area-head person-head">
        <div>
          <h1 id="area-title" ref={heading} tabIndex={-1}>
            {originalName(p)} {latin ? <span className="name-latin">{latin}</span> : null}
          </h1>
          <div className="person-sub">
            <StatusBadge status={p.status} />
            {p.ref ? <span className="mono">{p.ref}</span> : null}
            <span>{t(`register.category.${p.category}`)}</span>
            <span>{t(`register.side.${p.side}`)}</span>
            {p.dateOfBirth ? <span className="mono">{p.dateOfBirth}</span> : null}
            {p.seriouslyWounded ? <span className="wounded">{t('register.wounded')}</span> : null}
          </div>
        </div>
        {perms.write ? (
          <div className="reg-actions">
            <button type="button" onClick={() => show({ kind: 'edit', id })}>
              {t('register.person.edit')}
            </button>
            <button type="button" className="primary" onClick={() => setOpen({ kind: 'status' })}>
              {t('register.person.changeStatus')}
            </button>
          </div>
        ) : null}
      </div>
      <PrintButtons target={{ kind: 'dossier', personId: id }} />
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <FormError error={error} />
      <div className="tabs" role="tablist" aria-label={originalName(p)} onKeyDown={(e) => onTabKey(e, tabs)}>
        {tabs.map((x) => (
          <button
            key={x}
            type="button"
            role="tab"
            id={`tab-${x}`}
            aria-selected={tab === x}
            tabIndex={tab === x ? 0 : -1}
            aria-controls="person-tab"
            className={tab === x ? 'tab tab-on' : 'tab'}
            onClick={() => setTab(x)}
          >
            {t(`register.person.tabs.${x}`)}
          </button>
        ))}
      </div>
      <div className="tab-panel" role="tabpanel" id="person-tab" aria-labelledby={`tab-${tab}`}>
        {tab === 'identity' ? <Facts person={p} sections={['identity', 'service', 'description', 'notes']} /> : null}
        {tab === 'capture' ? <Facts person={p} sections={['capture', 'remains']} /> : null}
        {tab === 'icrc' ? <Facts person={p} sections={['icrc']} /> : null}
        {tab === 'timeline' ? (
          <>
            {perms.write ? (
              <div className="tab-actions">
                <button type="button" onClick={() => setOpen({ kind: 'sighting' })}>
                  {t('register.timeline.addSighting')}
                </button>
              </div>
            ) : null}
            <Timeline detail={detail} />
          </>
        ) : null}
        {tab === 'family' && detail.relatives ? (
          <Family
            relatives={detail.relatives}
            canWrite={perms.familyWrite}
            onAdd={() => setOpen({ kind: 'relative' })}
            onLog={(r) => setOpen({ kind: 'contact', relative: r })}
          />
        ) : null}
        {tab === 'attachments' ? <Attachments items={detail.attachments} canWrite={perms.write} onAdd={() => setOpen({ kind: 'attachment' })} /> : null}
        {tab === 'history' ? <History changes={detail.statusHistory} /> : null}
      </div>
      {open?.kind === 'status' ? <StatusDialog person={p} onClose={() => setOpen(null)} onDone={() => done(t('register.person.statusChanged'))} /> : null}
      {open?.kind === 'sighting' ? <SightingDialog personId={id} onClose={() => setOpen(null)} onDone={() => done(t('register.person.saved'))} /> : null}
      {open?.kind === 'relative' ? <RelativeDialog personId={id} onClose={() => setOpen(null)} onDone={() => done(t('register.person.saved'))} /> : null}
      {open?.kind === 'contact' ? (
        <ContactDialog relative={open.relative} onClose={() => setOpen(null)} onDone={() => done(t('register.person.saved'))} />
      ) : null}
      {open?.kind === 'attachment' ? <AttachmentDialog personId={id} onClose={() => setOpen(null)} onDone={() => done(t('register.person.saved'))} /> : null}
    </section>
  );
}
