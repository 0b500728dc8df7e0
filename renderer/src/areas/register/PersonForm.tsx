// Create and edit a person, validated with the shared schemas before anything is sent. Ctrl+Enter saves, Esc backs out.
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonInput, PersonPatch, type Person } from '../../../../shared/register';
import { Form } from '../../components/Form';
import { FormError, uiError, type UiError } from '../../components/FormError';
import { FormField } from './FormField';
import { originalName } from './format';
import { SECTIONS, toInput, toText, type FieldName, type FormValues } from './personFields';
import { useRegister } from './store';
import { fieldErrors } from './validation';

const ALL = SECTIONS.flatMap((s) => s.fields);

function valuesOf(p: Person): FormValues {
  return Object.fromEntries(ALL.map((f) => [f.name, toText(p[f.name])])) as FormValues;
}

export function PersonForm({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const { show, changed } = useRegister();
  const [person, setPerson] = useState<Person | null>(null);
  const [values, setValues] = useState<FormValues>({ side: 'ours', category: 'military', seriouslyWounded: 'false', icrcStatus: 'unknown' });
  const [errors, setErrors] = useState<Record<string, UiError>>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [busy, setBusy] = useState(false);
  const back = () => show(id ? { kind: 'person', id } : { kind: 'home' });

  useEffect(() => {
    if (!id) return;
    void window.obmin.persons.get({ id }).then((r) => {
      if (!r.ok) return setFailure(r.error);
      setPerson(r.value.person);
      setValues(valuesOf(r.value.person));
    });
  }, [id]);

  const original = useMemo(() => (person ? valuesOf(person) : null), [person]);
  const set = (name: FieldName) => (v: string) => setValues((old) => ({ ...old, [name]: v }));

  const submit = async () => {
    setFailure(null);
    const input = toInput(values, ALL);
    let parsed;
    if (original) {
      // Only the fields that changed travel: the core stamps each changed field with its own clock value.
      const changedNames = ALL.filter((f) => (values[f.name] ?? '') !== (original[f.name] ?? '')).map((f) => f.name);
      if (changedNames.length === 0) return setFailure(uiError('register.form.nothingChanged'));
      parsed = PersonPatch.safeParse(Object.fromEntries(changedNames.map((n) => [n, input[n]])));
    } else {
      parsed = PersonInput.safeParse(Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0))));
    }
    if (!parsed.success) {
      const fe = fieldErrors(parsed.error);
      setErrors(fe);
      setFailure(uiError('register.form.fixErrors', { count: Object.keys(fe).length }));
      document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    setErrors({});
    setBusy(true);
    const r = person ? await window.obmin.persons.update({ id: person.id, patch: parsed.data as PersonPatch }) : await window.obmin.persons.create(parsed.data as PersonInput);
    setBusy(false);
    if (!r.ok) return setFailure(r.error);
    changed();
    show({ kind: 'person', id: r.value.id });
  };

  const title = person ? t('register.form.editTitle', { name: originalName(person) }) : t('register.form.newTitle');
  const remains = values.category === 'remains';
  return (
    <section className="area person-form" aria-labelledby="area-title">
      <div className="area-head">
        <h1 id="area-title">{title}</h1>
        <button type="button" onClick={back} title="Esc">
          {t('common.cancel')}
        </button>
      </div>
      <div
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            back();
          }
        }}
      >
        <Form onSubmit={() => void submit()} label={title}>
          {SECTIONS.filter((s) => s.id !== 'remains' || remains).map((s) => (
            <fieldset key={s.id} className="form-section">
              <legend>{t(`register.section.${s.id}`)}</legend>
              <div className="form-cols">
                {s.fields.map((f, i) => (
                  <FormField
                    key={f.name}
                    label={t(`register.field.${f.name}`)}
                    kind={f.kind}
                    value={values[f.name] ?? ''}
                    onChange={set(f.name)}
                    error={errors[f.name]}
                    wide={f.wide}
                    autoFocus={s.id === 'identity' && i === 0}
                  />
                ))}
              </div>
            </fieldset>
          ))}
          <FormError error={failure} />
          <div className="actions form-sticky">
            <span className="muted small">{t('common.submitHint')}</span>
            <button type="button" onClick={back}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('common.saving') : person ? t('common.save') : t('register.form.create')}
            </button>
          </div>
        </Form>
      </div>
    </section>
  );
}
