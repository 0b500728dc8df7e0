import { useTranslation } from 'react-i18next';
import type { Source } from '../../../../../shared/register';

/** A source in one line: its admiralty grade (e.g. B2) as a chip with the words in its tooltip, kind and title. */
export function SourceGrade({ source }: { source: Source }) {
  const { t } = useTranslation();
  const words = `${t(`register.source.rel.${source.reliability}`)}; ${t(`register.source.cred.c${source.credibility}`)}`;
  return (
    <span className="source-line">
      <span className="grade" title={words} aria-label={`${t('register.source.grade')}: ${words}`}>
        {source.reliability}
        {source.credibility}
      </span>
      <span className="muted">{t(`register.source.kinds.${source.kind}`)}</span> {source.title}
    </span>
  );
}
