// Export of the people matching the current query and filters: the core builds the file (audited) and returns its
// bytes; the window offers them as a download, which Electron saves through the system's save dialog.
import { useEffect, useState } from 'react';
import type { SearchFilters } from '../../../../shared/register';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';
import { FormError, type UiError } from '../../components/FormError';

function offerDownload(fileName: string, dataBase64: string, mime: string): void {
  const bin = atob(dataBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  // The download has taken its copy once click() returns; the page keeps nothing.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

const MIME = { csv: 'text/csv', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

/** The count is asked for the very query and filters the export will use: what it says is what the file holds. */
export function ExportDialog({ query, filters, onClose }: { query: string; filters: SearchFilters; onClose(): void }) {
  const { t } = useTranslation();
  const [count, setCount] = useState<{ total: number; good: number | null } | null>(null);
  useEffect(() => {
    void window.obmin.persons
      .search({ query, filters, limit: 1 })
      .then((r) => (r.ok ? setCount({ total: r.value.total, good: r.value.good }) : setError(r.error)));
  }, [query, filters]);
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<UiError | null>(null);
  const [done, setDone] = useState<{ rows: number; fileName: string } | null>(null);

  const run = async () => {
    setBusy(true);
    setError(null);
    const r = await window.obmin.persons.export({ format, query, filters });
    setBusy(false);
    if (!r.ok) return setError(r.error);
    if (r.value.dataBase64) offerDownload(r.value.fileName, r.value.dataBase64, MIME[format]);
    setDone({ rows: r.value.rows, fileName: r.value.fileName });
  };

  return (
    <Dialog title={t('register.exporter.title')} onClose={onClose}>
      <form
        className="dialog-body"
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        {count ? (
          <p data-testid="export-count">
            {t('register.exporter.body', { count: count.total })}
            {count.good !== null && count.good < count.total
              ? ` ${t('register.exporter.similar', { good: count.good, similar: count.total - count.good })}`
              : ''}
          </p>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )}
        <label className="filter-inline">
          <span>{t('register.exporter.format')}</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')}>
            <option value="csv">CSV</option>
            <option value="xlsx">XLSX</option>
          </select>
        </label>
        <FormError error={error} />
        {done ? (
          <p role="status" className="muted">
            {t('register.exporter.done', { count: done.rows, file: done.fileName })}
          </p>
        ) : null}
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
          <button type="submit" className="primary" disabled={busy || !count}>
            {t('register.exporter.action')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
