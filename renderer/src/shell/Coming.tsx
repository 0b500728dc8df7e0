import { useTranslation } from 'react-i18next';
import type { AreaId } from '../lib/areas';

/** Areas not built yet: say so calmly rather than show an empty or broken screen. */
export function Coming({ area }: { area: AreaId }) {
  const { t } = useTranslation();
  const name = t(`nav.${area}`);
  return (
    <section className="area area-coming" aria-labelledby="area-title">
      <h1 id="area-title" className="sr-only">
        {name}
      </h1>
      <div className="coming">
        <h2>{t('coming.title', { area: name })}</h2>
        <p className="muted">{t('coming.body')}</p>
      </div>
    </section>
  );
}
