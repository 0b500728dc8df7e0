// Create and edit a person, validated with the shared schemas before anything is sent. Ctrl+Enter saves, Esc backs out
// (asking first when something was typed). Problems are shown at their field and summed up at the top.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateWarnings, normaliseDateInput, PersonInput, PersonPatch, todayIso, type DateWarning, type Person } from '../../../../shared/register';
import { DiscardBar } from '../../components/DiscardBar';
import { Form } from '../../components/Form';
import { FormError, uiError, type UiError } from '../../components/FormError';
import { FormField } from './FormField';
import { originalName } from './format';
import { SECTIONS, toInput, toText, type FieldName, type FormValues } from './personFields';
import { useRegister } from './store';
import { fieldErrors } from './validation';

const ALL = SECTIONS.flatMap((s) => s.fields);
const NEW_VALUES: FormValues = { side: 'ours', category: 'military', seriouslyWounded: 'false', icrcStatus: 'unknown' };
const fieldId = (name: string) => `pf-${name}`;

function valuesOf(p: Person): FormValues {
  return Object.fromEntries(ALL.map((f) => [f.name, toText(p[f.name])])) as FormValues;
}

/** The person who already holds a case number (not the one being edited), or null. */
async function refOwner(ref: string, self: string | null): Promise<{ id: string; name: string } | null> {
  const r = await window.obmin.persons.search({ query: ref, limit: 5 });
  const hit = r.ok ? r.value.rows.find((p) => p.ref === ref && p.id !== self) : undefined;
  return hit ? { id: hit.id, name: originalName(hit) } : null;
}

export function PersonForm({ id }: { id: string | null }) {
  const { t } = useTranslation();
  const { show, changed } = useRegister();
  const [person, setPerson] = useState<Person | null>(null);
  const [values, setValues] = useState<FormValues>(NEW_VALUES);
  const [errors, setErrors] = useState<Record<string, UiError>>({});
  const [failure, setFailure] = useState<UiError | null>(null);
  const [warnings, setWarnings] = useState<DateWarning[]>([]);
  const [owner, setOwner] = useState<{ id: string; name: string } | null>(null);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
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
  const dirty = ALL.some((f) => (values[f.name] ?? '') !== ((original ?? NEW_VALUES)[f.name] ?? ''));
  const set = (name: FieldName) => (v: string) => {
    setValues((old) => ({ ...old, [name]: v }));
    // A warning was about the old dates: changed ones are checked afresh on the next save.
    if (name === 'dateOfBirth' || name === 'captureDate') setWarnings([]);
  };
  const leave = () => (dirty ? setAsking(true) : back());

  /** After the state has rendered: the first field in error, else the summary. */
  const focusProblem = (names: string[]) =>
    requestAnimationFrame(() => {
      const first = ALL.find((f) => names.includes(f.name));
      (first ? document.getElementById(fieldId(first.name)) : summary.current)?.focus();
    });

  const submit = async () => {
    setFailure(null);
    setOwner(null);
    // Dates typed the office way (17.03.1973) are stored and shown as ISO.
    const typed: FormValues = { ...values };
    for (const f of ALL) if (f.kind === 'date' && typed[f.name]) typed[f.name] = normaliseDateInput(typed[f.name]!);
    setValues(typed);
    const input = toInput(typed, ALL);
    let parsed;
    let sent: Record<string, unknown>;
    if (original) {
      // Only the fields that changed travel: the core stamps each changed field with its own clock value.
      const changedNames = ALL.filter((f) => (typed[f.name] ?? '') !== (original[f.name] ?? '')).map((f) => f.name);
      if (changedNames.length === 0) return setFailure(uiError('register.form.nothingChanged'));
      sent = Object.fromEntries(changedNames.map((n) => [n, input[n]]));
      parsed = PersonPatch.safeParse(sent);
    } else {
      sent = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null && !(Array.isArray(v) && v.length === 0)));
      parsed = PersonInput.safeParse(sent);
    }
    if (!parsed.success) {
      const fe = fieldErrors(parsed.error, sent);
      setErrors(fe);
      setFailure(uiError('register.form.fixErrors', { count: Object.keys(fe).length }));
      return focusProblem(Object.keys(fe));
    }
    setErrors({});
    // Dates that contradict each other stop the first save; the second one, deliberate, goes through.
    const found = dateWarnings(
      { dateOfBirth: (input.dateOfBirth as string | null) ?? null, captureDate: (input.captureDate as string | null) ?? null },
      todayIso(),
    );
    if (found.length && JSON.stringify(found) !== JSON.stringify(warnings)) {
      setWarnings(found);
      return focusProblem([]);
    }
    setBusy(true);
    const ref = typeof input.ref === 'string' ? input.ref : null;
    const taken = ref && ref !== (original?.ref ?? '') ? await refOwner(ref, person?.id ?? null) : null;
    if (taken) {
      setBusy(false);
      setOwner(taken);
      setErrors({ ref: uiError('register.invalid.refTaken', { name: taken.name }) });
      setFailure(uiError('register.form.fixErrors', { count: 1 }));
      return focusProblem(['ref']);
    }
    const r = person
      ? await window.obmin.persons.update({ id: person.id, patch: parsed.data as PersonPatch })
      : await window.obmin.persons.create(parsed.data as PersonInput);
    setBusy(false);
    if (!r.ok) {
      setFailure(r.error);
      return focusProblem([]);
    }
    changed();
    show({ kind: 'person', id: r.value.id });
  };

  const title = person ? t('register.form.editTitle', { name: originalName(person) }) : t('register.form.newTitle');
  const remains = values.category === 'remains';
  const problems = ALL.filter((f) => errors[f.name]);
  return (
    <section className="area person-form" aria-labelledby="area-title">
      <div className="area-head">
        <h1 id="area-title">{title}</h1>
        <button type="button" onClick={leave} title="Esc">
          {t('common.cancel')}
        </button>
      </div>
      {asking ? <DiscardBar onDiscard={back} onKeep={() => setAsking(false)} /> : null}
      <div
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            if (asking) setAsking(false);
            else leave();
          }
        }}
      >
        <Form onSubmit={() => void submit()} label={title}>
          {failure || warnings.length ? (
            <div className="form-summary" ref={summary} tabIndex={-1} data-testid="form-summary">
              <FormError error={failure} />
              {problems.length ? (
                <ul>
                  {problems.map((f) => (
                    <li key={f.name}>
                      <a href={`#${fieldId(f.name)}`} onClick={(e) => (e.preventDefault(), document.getElementById(fieldId(f.name))?.focus())}>
                        {t(`register.field.${f.name}`)}
                      </a>
                    </li>
                  ))}
                </ul>
              ) : null}
              {warnings.length ? (
                <div className="form-warnings" role="alert">
                  <p>{t('register.form.warnings')}</p>
                  <ul>
                    {warnings.map((w) => (
                      <li key={w.code}>{t(`register.form.warn.${w.code}`)}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
            </div>
          ) : null}
          {SECTIONS.filter((s) => s.id !== 'remains' || remains).map((s) => (
            <fieldset key={s.id} className="form-section">
              <legend>{t(`register.section.${s.id}`)}</legend>
              <div className="form-cols">
                {s.fields.map((f, i) => (
                  <FormField
                    key={f.name}
                    id={fieldId(f.name)}
                    label={t(`register.field.${f.name}`)}
                    kind={f.kind}
                    value={values[f.name] ?? ''}
                    onChange={set(f.name)}
                    error={errors[f.name]}
                    warning={warnings.find((w) => w.field === f.name) ? t(`register.form.warn.${warnings.find((w) => w.field === f.name)!.code}`) : undefined}
                    wide={f.wide}
                    autoFocus={s.id === 'identity' && i === 0}
                    extra={
                      f.name === 'ref' && owner ? (
                        <button type="button" className="link" onClick={() => show({ kind: 'person', id: owner.id })}>
                          {t('register.form.openOwner', { name: owner.name })}
                        </button>
                      ) : undefined
                    }
                  />
                ))}
              </div>
            </fieldset>
          ))}
          <div className="actions form-sticky">
            <span className="muted small">{t('common.submitHint')}</span>
            <button type="button" onClick={leave}>
              {t('common.cancel')}
            </button>
            <button type="submit" className="primary" disabled={busy}>
              {busy ? t('common.saving') : warnings.length ? t('register.form.saveAnyway') : person ? t('common.save') : t('register.form.create')}
            </button>
          </div>
        </Form>
      </div>
    </section>
  );
}
