// Import people from CSV/XLSX: pick → preview (mapping, counts, row errors) → apply, all or nothing, with progress.
// Skipping invalid rows is possible only as a deliberate second step that says what will be left out.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportColumn, ImportPreview, ImportResult } from '../../../../shared/register';
import { Dialog } from '../../components/Dialog';
import { FormError, uiError, type UiError } from '../../components/FormError';
import { importMaxBytes, previewImport, readPicked, type PickedFile } from './import/api';
import { FilePick } from './FilePick';
import { MappingTable, RowErrors } from './import/PreviewView';

type Phase = 'pick' | 'reading' | 'preview' | 'applying' | 'done';

export function ImportDialog({ onClose, onApplied }: { onClose(): void; onApplied(): void }) {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>('pick');
  const [picked, setPicked] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [mapping, setMapping] = useState<Record<string, ImportColumn | null>>({});
  const [skip, setSkip] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const taskId = useRef(`import-${Date.now()}`);

  useEffect(
    () =>
      window.obmin.events.on('progress', (p) => {
        if (p.taskId === taskId.current) setProgress({ done: p.done, total: p.total });
      }),
    [],
  );

  const check = async (file: PickedFile, map?: Record<string, ImportColumn | null>) => {
    setPhase('reading');
    setError(null);
    const r = await previewImport(file, map);
    if (!r.ok) {
      setError(r.error);
      return setPhase(preview && map ? 'preview' : 'pick');
    }
    setPreview(r.value);
    setMapping(r.value.mapping);
    setSkip(false);
    setPhase('preview');
  };

  const pick = async (file: File | undefined) => {
    setError(null);
    if (!file) return;
    // Refused before a byte is read: a 200 MB file never reaches memory.
    const limit = importMaxBytes(file.name);
    if (file.size > limit) return setError(uiError('register.importer.tooLarge', { size: (file.size / 1048576).toFixed(0), limit: limit / 1048576 }));
    if (!/\.(csv|tsv|txt|xlsx)$/i.test(file.name)) return setError(uiError('register.importer.badType'));
    setPhase('reading');
    const p = await readPicked(file);
    setPicked(p);
    await check(p);
  };

  const apply = async () => {
    if (!preview) return;
    setPhase('applying');
    setProgress({ done: 0, total: preview.valid });
    const r = await window.obmin.persons.importApply({ token: preview.token, skipInvalid: skip, taskId: taskId.current });
    if (!r.ok) {
      setError(r.error);
      return setPhase('preview');
    }
    setResult(r.value);
    setPhase('done');
    onApplied();
  };

  const blocked = preview !== null && preview.invalid > 0;
  const mappingChanged = preview !== null && JSON.stringify(mapping) !== JSON.stringify(preview.mapping);
  return (
    <Dialog title={t('register.importer.title')} onClose={phase === 'applying' ? () => undefined : onClose} wide>
      <div className="dialog-body import-dialog" data-testid="import-dialog">
        {phase === 'pick' || phase === 'reading' || phase === 'preview' ? (
          <FilePick
            id="import-file"
            label={t('register.importer.pick')}
            hint={t('register.importer.pickHint')}
            accept=".csv,.tsv,.txt,.xlsx"
            disabled={phase === 'reading'}
            onPick={(f) => void pick(f)}
          />
        ) : null}
        {phase === 'reading' ? <p className="muted">{t('register.importer.reading')}</p> : null}
        {preview && (phase === 'preview' || phase === 'applying') ? (
          <>
            <p className="import-counts" data-testid="import-counts">
              <strong>{preview.file}</strong> —{' '}
              {t('register.importer.counts', { total: preview.total, creates: preview.creates, updates: preview.updates, invalid: preview.invalid })}
            </p>
            {preview.unmappedHeaders.length ? (
              <p className="muted small">{t('register.importer.unmapped', { headers: preview.unmappedHeaders.join(', ') })}</p>
            ) : null}
            <details className="import-map-box" open={preview.unmappedHeaders.length > 0}>
              <summary>{t('register.importer.mapping')}</summary>
              <MappingTable preview={preview} mapping={mapping} onChange={(h, c) => setMapping({ ...mapping, [h]: c })} />
              {mappingChanged && picked ? (
                <button type="button" className="small" onClick={() => void check(picked, mapping)}>
                  {t('register.importer.remap')}
                </button>
              ) : null}
            </details>
            <RowErrors preview={preview} />
          </>
        ) : null}
        {phase === 'preview' && blocked ? (
          <div className="import-blocked">
            <p className="form-error">{t('register.importer.blocked')}</p>
            <label className="check">
              <input type="checkbox" checked={skip} onChange={(e) => setSkip(e.target.checked)} />
              {t('register.importer.skipInvalid')}
            </label>
            {skip ? <p className="confirm">{t('register.importer.confirmSkip', { count: preview.invalid })}</p> : null}
          </div>
        ) : null}
        {phase === 'applying' && progress ? (
          <div className="import-progress">
            <progress value={progress.done} max={Math.max(1, progress.total)} aria-label={t('register.importer.applying')} />
            <span className="muted">{t('register.importer.progress', progress)}</span>
          </div>
        ) : null}
        {phase === 'done' && result ? (
          <p className="notice" role="status" data-testid="import-done">
            {t('register.importer.done', result)}
          </p>
        ) : null}
        <FormError error={error} />
        <div className="actions">
          {phase === 'preview' && preview && (!blocked || skip) ? (
            <span className="muted small">{t('register.importer.whatHappens', { creates: preview.creates, updates: preview.updates })}</span>
          ) : null}
          <button type="button" onClick={onClose} disabled={phase === 'applying'}>
            {phase === 'done' ? t('common.close') : t('common.cancel')}
          </button>
          {phase === 'preview' && preview ? (
            <button
              type="button"
              className={skip ? 'danger' : 'primary'}
              disabled={(blocked && !skip) || preview.valid === 0 || mappingChanged}
              onClick={() => void apply()}
            >
              {skip ? t('register.importer.confirmSkipYes') : t('register.importer.apply')}
            </button>
          ) : null}
          {phase === 'applying' ? (
            <button type="button" className="primary" disabled>
              {t('register.importer.applying')}
            </button>
          ) : null}
        </div>
      </div>
    </Dialog>
  );
}
