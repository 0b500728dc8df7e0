import { useTranslation } from 'react-i18next';
import { reasonKey, type CandidateView, type MatchReason } from '../../../../shared/lists';

const NAME_OF: Record<string, (c: CandidateView) => string | null> = {
  surname: (c) => c.surname,
  givenName: (c) => c.givenName,
  patronymic: (c) => c.patronymic,
};

/** The matcher's machine-readable reasons as sentences: "surname: Russian form of Ковальов; year of birth matches". */
export function Reasons({ candidate, reasons }: { candidate: CandidateView; reasons?: MatchReason[] }) {
  const { t } = useTranslation();
  const list = (reasons ?? candidate.reasons).filter((r) => !(r.kind === 'missing' && r.weight === 0 && r.field === 'unit'));
  return (
    <ul className="lists-reasons">
      {list.map((r) => (
        <li key={`${r.field}-${r.kind}`} className={r.weight > 0 ? 'reason-for' : r.weight < 0 ? 'reason-against' : 'reason-neutral'}>
          <span aria-hidden="true">{r.weight > 0 ? '+' : r.weight < 0 ? '−' : '·'}</span>{' '}
          {t(reasonKey(r), { name: NAME_OF[r.field]?.(candidate) ?? '', form: r.form ?? '' })}
        </li>
      ))}
    </ul>
  );
}

export function personName(c: Pick<CandidateView, 'surname' | 'givenName' | 'patronymic'>): string {
  return [c.surname, c.givenName, c.patronymic].filter(Boolean).join(' ');
}

export const percent = (score: number): string => `${Math.round(score * 100)}%`;
