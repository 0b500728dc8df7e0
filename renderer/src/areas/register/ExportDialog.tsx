// Export needs a file path, and only the main process can ask for one (a save dialog). Until that exists the window
// says so and shows the equivalent CLI command for the same query, instead of writing anywhere on its own.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../../components/Dialog';

export function ExportDialog({ total, onClose }: { total: number; onClose(): void }) {
  const { t } = useTranslation();
  const [format, setFormat] = useState<'csv' | 'xlsx'>('csv');
  const command = `obmin persons export --data ${t('register.exporter.folder')} --format ${format} --out people.${format}`;
  return (
    <Dialog title={t('register.exporter.title')} onClose={onClose}>
      <div className="dialog-body">
        <p>{t('register.exporter.body', { count: total })}</p>
        <label className="filter-inline">
          <span>{t('register.exporter.format')}</span>
          <select value={format} onChange={(e) => setFormat(e.target.value as 'csv' | 'xlsx')}>
            <option value="csv">CSV</option>
            <option value="xlsx">XLSX</option>
          </select>
        </label>
        <p className="muted">{t('register.exporter.noDialog')}</p>
        <pre className="mono reg-command">{command}</pre>
        <div className="actions">
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
