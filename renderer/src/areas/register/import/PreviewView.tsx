// The preview: how the file's columns map, what will happen in counts, and every row error with its row number.
import { useTranslation } from 'react-i18next';
import { IMPORT_COLUMNS, type ImportColumn, type ImportPreview } from '../../../../../shared/register';

const camel = (k: string) => k.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

export function columnLabel(t: (k: string) => string, c: string): string {
  const key = `register.field.${camel(c)}`;
  const label = t(key);
  return label === key ? c : `${label} · ${c}`;
}

export function MappingTable({
  preview,
  mapping,
  onChange,
}: {
  preview: ImportPreview;
  mapping: Record<string, ImportColumn | null>;
  onChange(header: string, c: ImportColumn | null): void;
}) {
  const { t } = useTranslation();
  const headers = [...new Set([...Object.keys(preview.mapping), ...preview.unmappedHeaders])];
  return (
    <div className="table-wrap import-mapping">
      <table className="data" data-testid="import-mapping">
        <thead>
          <tr>
            <th>{t('register.importer.header')}</th>
            <th>{t('register.importer.column')}</th>
          </tr>
        </thead>
        <tbody>
          {headers.map((h) => (
            <tr key={h}>
              <td className="mono">{h}</td>
              <td>
                <select
                  aria-label={`${t('register.importer.column')}: ${h}`}
                  value={mapping[h] ?? ''}
                  onChange={(e) => onChange(h, (e.target.value || null) as ImportColumn | null)}
                >
                  <option value="">{t('register.importer.ignore')}</option>
                  {IMPORT_COLUMNS.map((c) => (
                    <option key={c} value={c}>
                      {columnLabel(t, c)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The labels of a column's closed vocabulary (the words the import accepts), as the window shows them. */
const VALUE_LABELS: Record<string, string> = {
  side: 'register.side',
  category: 'register.category',
  status: 'register.status',
  icrc_status: 'register.icrc',
  sex: 'register.sex',
};

function allowedText(t: (k: string) => string, column: string | null, allowed: string[] | undefined): string {
  if (!column || !allowed?.length) return '';
  const labels = VALUE_LABELS[column];
  return allowed.map((code) => (labels ? `${t(`${labels}.${code}`)} (${code})` : code)).join(', ');
}

export function RowErrors({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  if (preview.errors.length === 0) return null;
  return (
    <div className="import-errors">
      <h3>{t('register.importer.errors')}</h3>
      {preview.errorsTruncated ? <p className="muted small">{t('register.importer.errorsTruncated')}</p> : null}
      <div className="table-wrap">
        <table className="data" data-testid="import-errors">
          <thead>
            <tr>
              <th className="num">{t('register.importer.row')}</th>
              <th>{t('register.importer.field')}</th>
              <th>{t('register.importer.value')}</th>
              <th>{t('register.importer.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {preview.errors.map((e, i) => (
              <tr key={i}>
                {/* The header is row 0 in the core's numbering; the spreadsheet shows it as line 1. */}
                <td className="num">{e.row}</td>
                <td>{e.column ? columnLabel(t, e.column) : '—'}</td>
                <td className="mono">{e.value ?? ''}</td>
                <td className="import-reason">
                  {t(`register.importer.reasons.${e.code}`)}
                  {e.allowed?.length ? (
                    <div className="muted small">{t('register.importer.allowed', { values: allowedText(t, e.column, e.allowed) })}</div>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
