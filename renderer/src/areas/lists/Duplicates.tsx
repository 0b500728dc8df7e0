import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CandidateView } from '../../../../shared/lists';
import type { DuplicatePair } from '../../../../shared/register/duplicates';
import { Dialog } from '../../components/Dialog';
import { FormError, type UiError } from '../../components/FormError';
import { percent, personName, Reasons } from './reasons';

/** Possible duplicates in the register, page by page, each with a merge that says what it will do. */
export function Duplicates({ canMerge, onBack }: { canMerge: boolean; onBack(): void }) {
  const { t } = useTranslation();
  const [pairs, setPairs] = useState<DuplicatePair[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [scanned, setScanned] = useState(0);
  const [error, setError] = useState<UiError | null>(null);
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(async (from: string | null, append: boolean) => {
    const r = await window.obmin.persons.duplicates({ cursor: from, limit: 50 });
    if (!r.ok) return setError(r.error);
    setPairs((prev) => (append && prev ? [...prev, ...r.value.pairs] : r.value.pairs));
    setCursor(r.value.nextCursor);
    setScanned((s) => (append ? s : 0) + r.value.scanned);
  }, []);
  useEffect(() => {
    void load(null, false);
  }, [load]);

  const notSame = async (p: DuplicatePair) => {
    const r = await window.obmin.persons.notDuplicate({ a: p.a.personId, b: p.b.personId });
    if (!r.ok) return setError(r.error);
    setPairs((prev) => prev?.filter((x) => x !== p) ?? null);
  };

  return (
    <section className="area lists-dups" aria-labelledby="area-title">
      <div className="area-head">
        <h1 id="area-title">{t('lists.dup.title')}</h1>
        <button type="button" onClick={onBack} title="Esc">
          {t('lists.back')}
        </button>
      </div>
      <p className="muted">{t('lists.dup.intro')}</p>
      <FormError error={error} />
      {notice ? <p className="notice">{notice}</p> : null}
      {pairs === null ? <p className="muted">{t('lists.loading')}</p> : null}
      {pairs?.length === 0 && !cursor ? <p className="notice">{t('lists.dup.none')}</p> : null}
      <ul className="lists-pairs" data-testid="duplicates">
        {pairs?.map((p) => (
          <li key={`${p.a.personId}|${p.b.personId}`} className="panel lists-pair">
            <div className="lists-pair-head">
              <strong>{t('lists.dup.score', { score: percent(p.score) })}</strong>
              {canMerge ? (
                <>
                  <button type="button" onClick={() => setMerging(p)}>
                    {t('lists.dup.merge')}
                  </button>
                  <button type="button" onClick={() => void notSame(p)}>
                    {t('lists.dup.notSame')}
                  </button>
                </>
              ) : null}
            </div>
            <div className="lists-pair-body">
              <PersonCard c={p.a} />
              <PersonCard c={p.b} />
            </div>
          </li>
        ))}
      </ul>
      <p className="muted small">{t('lists.dup.scanned', { count: scanned })}</p>
      {cursor ? (
        <button type="button" onClick={() => void load(cursor, true)}>
          {t('lists.dup.more')}
        </button>
      ) : null}
      {merging ? (
        <MergeDialog
          pair={merging}
          onClose={() => setMerging(null)}
          onDone={() => {
            setMerging(null);
            setNotice(t('lists.merge.done'));
            setPairs((prev) => prev?.filter((x) => x !== merging) ?? null);
          }}
        />
      ) : null}
    </section>
  );
}

function PersonCard({ c }: { c: CandidateView }) {
  return (
    <div className="lists-person">
      <strong>{personName(c)}</strong> <span className="mono">{c.dateOfBirth ?? ''}</span> <span className="mono muted">{c.ref ?? c.personId.slice(0, 8)}</span>
      {c.unit ? <span className="mono"> · {c.unit}</span> : null}
      <Reasons candidate={c} />
    </div>
  );
}

const label = (c: CandidateView) => `${personName(c)} (${c.ref ?? c.personId.slice(0, 8)})`;

/** Says plainly what a merge does and needs a deliberate tick before the button works. */
export function MergeDialog({ pair, onClose, onDone }: { pair: DuplicatePair; onClose(): void; onDone(): void }) {
  const { t } = useTranslation();
  const id = useId();
  const [keepA, setKeepA] = useState(true);
  const [sure, setSure] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const keep = keepA ? pair.a : pair.b;
  const gone = keepA ? pair.b : pair.a;
  const names = { keep: label(keep), gone: label(gone) };
  const submit = async () => {
    setBusy(true);
    const r = await window.obmin.persons.merge({ keepId: keep.personId, mergeId: gone.personId });
    setBusy(false);
    if (r.ok) onDone();
    else setError(r.error);
  };
  return (
    <Dialog title={t('lists.merge.title')} onClose={onClose} wide>
      <div className="dialog-body">
        <fieldset className="lists-keep">
          <legend>{t('lists.merge.keep')}</legend>
          {[pair.a, pair.b].map((c, i) => (
            <label key={c.personId}>
              <input type="radio" name={`${id}-keep`} checked={keepA === (i === 0)} onChange={() => setKeepA(i === 0)} /> {label(c)}
            </label>
          ))}
        </fieldset>
        <h3>{t('lists.merge.what')}</h3>
        <ul className="lists-merge-what" data-testid="merge-what">
          <li>{t('lists.merge.move', names)}</li>
          <li>{t('lists.merge.fill', names)}</li>
          <li>{t('lists.merge.tombstone', names)}</li>
        </ul>
        <label className="lists-confirm">
          <input type="checkbox" checked={sure} onChange={(e) => setSure(e.target.checked)} /> {t('lists.merge.confirm')}
        </label>
        <FormError error={error} />
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="button" className="danger" disabled={!sure || busy} onClick={() => void submit()}>
            {t('lists.merge.submit')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
