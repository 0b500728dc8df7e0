// Preview / print / save of a core-made PDF (a round's manifest, a person's dossier, a list's report). The window's
// main process opens the preview, shows the system print dialog or the save dialog; the page never names a path.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MANIFEST_DIRECTIONS, MANIFEST_VARIANTS, type ManifestDirection, type ManifestVariant, type WindowOutcome } from '../../../../shared/manifest';
import type { Result } from '../../../../shared/errors';
import { FormError, type UiError } from '../../components/FormError';
import './print.css';

export type PrintTarget = { kind: 'manifest'; exchange: number } | { kind: 'dossier'; personId: string } | { kind: 'list'; listId: string };
type Verb = 'preview' | 'print' | 'save';

/** The request the core gets: a manifest carries the chosen variant and lists. Pure, for tests. */
export function requestFor(target: PrintTarget, variant: ManifestVariant, direction: ManifestDirection) {
  return target.kind === 'manifest' ? { ...target, variant, direction } : target;
}

/** The line shown after a verb: what happened, with the document's code, or that nothing was recorded. */
export function outcomeKey(verb: Verb, o: WindowOutcome): string {
  if (!o.done) return 'print.cancelled';
  return verb === 'preview' ? 'print.opened' : verb === 'print' ? 'print.printed' : 'print.saved';
}

export function PrintButtons({ target }: { target: PrintTarget }) {
  const { t } = useTranslation();
  const [variant, setVariant] = useState<ManifestVariant>('field');
  const [direction, setDirection] = useState<ManifestDirection>('both');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);

  const run = async (verb: Verb) => {
    setBusy(true);
    setError(null);
    setNotice(null);
    const r: Result<WindowOutcome> = await window.obmin.manifest[verb]({ request: requestFor(target, variant, direction) });
    setBusy(false);
    if (!r.ok) setError(r.error);
    else setNotice(t(outcomeKey(verb, r.value), { pages: r.value.pages, code: r.value.code }));
  };

  return (
    <div className="print-buttons" role="group" aria-label={t('print.label')} data-testid="print-buttons">
      {target.kind === 'manifest' ? (
        <>
          <label>
            {t('print.variant')}{' '}
            <select value={variant} onChange={(e) => setVariant(e.target.value as ManifestVariant)} disabled={busy}>
              {MANIFEST_VARIANTS.map((v) => (
                <option key={v} value={v}>
                  {t(`print.variants.${v}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('print.direction')}{' '}
            <select value={direction} onChange={(e) => setDirection(e.target.value as ManifestDirection)} disabled={busy}>
              {MANIFEST_DIRECTIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`print.directions.${d}`)}
                </option>
              ))}
            </select>
          </label>
        </>
      ) : null}
      <button type="button" onClick={() => void run('preview')} disabled={busy}>
        {t('print.preview')}
      </button>
      <button type="button" onClick={() => void run('print')} disabled={busy}>
        {t('print.print')}
      </button>
      <button type="button" onClick={() => void run('save')} disabled={busy}>
        {t('print.save')}
      </button>
      {busy ? (
        <span className="muted" role="status">
          {t('print.working')}
        </span>
      ) : null}
      {notice ? (
        <span className="notice" role="status">
          {notice}
        </span>
      ) : null}
      <FormError error={error} />
    </div>
  );
}
