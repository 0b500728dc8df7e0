// Every status change and sighting cites a source: pick one already recorded, or grade a new one here.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CREDIBILITY, RELIABILITY, SOURCE_KINDS, SourceInput, type Source } from '../../../../../shared/register';
import { uiError, type UiError } from '../../../components/FormError';
import { FormField } from '../FormField';
import { fieldErrors } from '../validation';

export interface SourceChoice {
  mode: 'existing' | 'new';
  sourceId: string;
  kind: string;
  title: string;
  reliability: string;
  credibility: string;
}

// Nothing pre-selected: a kind or grade nobody chose would enter the history as an assessment someone made.
export const newChoice = (): SourceChoice => ({ mode: 'existing', sourceId: '', kind: '', title: '', reliability: '', credibility: '' });

/** The choice as the IPC wants it, or the per-field errors to show. */
export function resolveSource(
  c: SourceChoice,
): { ok: true; value: { sourceId: string } | { source: SourceInput } } | { ok: false; errors: Record<string, UiError> } {
  if (c.mode === 'existing')
    return c.sourceId ? { ok: true, value: { sourceId: c.sourceId } } : { ok: false, errors: { sourceId: uiError('register.invalid.required') } };
  const parsed = SourceInput.safeParse({
    kind: c.kind || undefined,
    title: c.title,
    reliability: c.reliability || undefined,
    credibility: c.credibility ? Number(c.credibility) : undefined,
  });
  return parsed.success ? { ok: true, value: { source: parsed.data } } : { ok: false, errors: fieldErrors(parsed.error) };
}

export function SourcePicker({ value, onChange, errors }: { value: SourceChoice; onChange(c: SourceChoice): void; errors: Record<string, UiError> }) {
  const { t } = useTranslation();
  const [sources, setSources] = useState<Source[] | null>(null);
  useEffect(() => {
    void window.obmin.sources.list({ limit: 200 }).then((r) => {
      const list = r.ok ? r.value : [];
      setSources(list);
      // Nothing to pick from: start on the new-source form rather than an empty list.
      if (list.length === 0) onChange({ ...value, mode: 'new' });
    });
    // once per dialog: the list does not change while it is open
  }, []);
  const set = (k: keyof SourceChoice) => (v: string) => onChange({ ...value, [k]: v });
  return (
    <fieldset className="form-section source-picker">
      <legend>{t('register.timeline.source')}</legend>
      <p className="muted small">{t('register.statusDialog.sourceRequired')}</p>
      <div className="segmented" role="radiogroup">
        {(['existing', 'new'] as const).map((m) => (
          <label key={m} className="check">
            <input
              type="radio"
              name="source-mode"
              checked={value.mode === m}
              onChange={() => onChange({ ...value, mode: m })}
              disabled={m === 'existing' && sources?.length === 0}
            />
            {t(m === 'existing' ? 'register.statusDialog.existing' : 'register.statusDialog.create')}
          </label>
        ))}
      </div>
      {value.mode === 'existing' ? (
        sources && sources.length === 0 ? (
          <p className="muted">{t('register.statusDialog.noSources')}</p>
        ) : (
          <FormField
            label={t('register.statusDialog.pick')}
            kind={{ options: (sources ?? []).map((s) => s.id), labels: '' }}
            value={value.sourceId}
            onChange={set('sourceId')}
            error={errors.sourceId}
            optionLabel={(id) => {
              const s = sources?.find((x) => x.id === id);
              return s ? `${s.reliability}${s.credibility} · ${t(`register.source.kinds.${s.kind}`)} · ${s.title}` : id;
            }}
          />
        )
      ) : (
        <div className="form-cols">
          <FormField
            label={t('register.source.kind')}
            kind={{ options: SOURCE_KINDS, labels: 'register.source.kinds' }}
            value={value.kind}
            onChange={set('kind')}
            error={errors.kind}
          />
          <FormField label={t('register.source.title')} kind="text" value={value.title} onChange={set('title')} error={errors.title} />
          <FormField
            label={t('register.source.reliability')}
            kind={{ options: RELIABILITY, labels: 'register.source.rel' }}
            value={value.reliability}
            onChange={set('reliability')}
            error={errors.reliability}
          />
          <FormField
            label={t('register.source.credibility')}
            kind={{ options: CREDIBILITY.map(String), labels: '' }}
            optionLabel={(c) => t(`register.source.cred.c${c}`)}
            value={value.credibility}
            onChange={set('credibility')}
            error={errors.credibility}
          />
          {/* F6 is the Admiralty code's own "cannot be judged": a deliberate choice, never a default. */}
          <div className="field field-ungraded">
            <button type="button" onClick={() => onChange({ ...value, reliability: 'F', credibility: '6' })}>
              {t('register.source.ungraded')}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
