// A read-only view of some of the person's sections: label, value; empty fields are left out, not shown as blanks.
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../../shared/register';
import { SECTIONS, toText, type Section } from '../personFields';

export function Facts({ person, sections }: { person: Person; sections: Section['id'][] }) {
  const { t } = useTranslation();
  const shown = SECTIONS.filter((s) => sections.includes(s.id));
  let any = false;
  const blocks = shown.map((s) => {
    const rows = s.fields
      .map((f) => {
        const v = person[f.name];
        if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) return null;
        const text =
          typeof f.kind === 'object' ? t(`${f.kind.labels}.${String(v)}`) : f.kind === 'bool' ? (v ? t('register.yes') : t('register.no')) : toText(v);
        return (
          <div key={f.name} className={f.wide ? 'fact fact-wide' : 'fact'}>
            <dt>{t(`register.field.${f.name}`)}</dt>
            <dd className={f.kind === 'date' || f.kind === 'int' ? 'mono' : undefined}>{text}</dd>
          </div>
        );
      })
      .filter(Boolean);
    if (rows.length) any = true;
    return rows.length ? (
      <section key={s.id} className="facts-section">
        <h3>{t(`register.section.${s.id}`)}</h3>
        <dl className="facts">{rows}</dl>
      </section>
    ) : null;
  });
  return any ? <>{blocks}</> : <p className="muted">{t('register.person.nothing')}</p>;
}
