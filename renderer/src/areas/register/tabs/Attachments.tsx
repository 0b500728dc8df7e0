// Attachment previews: each thumbnail is fetched from the vault and shown as a data: URL (the CSP allows img-src data:).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../../../shared/register';

/** The thumbnail's type from its first bytes: thumbnails are stored without a mime of their own. */
export function sniffMime(base64: string, fallback: string): string {
  if (base64.startsWith('iVBOR')) return 'image/png';
  if (base64.startsWith('/9j/')) return 'image/jpeg';
  if (base64.startsWith('UklGR')) return 'image/webp';
  if (base64.startsWith('PHN2') || base64.startsWith('PD94')) return 'image/svg+xml';
  return fallback;
}

function Thumb({ a }: { a: Attachment }) {
  const { t } = useTranslation();
  const [src, setSrc] = useState<string | null>(null);
  const image = a.mime.startsWith('image/');
  useEffect(() => {
    if (!image) return;
    let live = true;
    void window.obmin.attachments.get({ id: a.id, thumb: true }).then((r) => {
      if (live && r.ok) setSrc(`data:${sniffMime(r.value.dataBase64, a.mime)};base64,${r.value.dataBase64}`);
    });
    return () => {
      live = false;
    };
  }, [a, image]);
  return (
    <figure className="thumb" data-attachment={a.id}>
      {image && src ? <img src={src} alt={a.caption ?? a.filename} /> : <div className="thumb-doc">{image ? '…' : t('register.attach.pdf')}</div>}
      <figcaption>
        <span>{a.caption ?? a.filename}</span>
        <span className="muted small">
          {t(`register.attach.kinds.${a.kind}`)} · {(a.size / 1024).toFixed(0)} KB · <span className="mono">{a.sha256.slice(0, 12)}</span>
        </span>
      </figcaption>
    </figure>
  );
}

export function Attachments({ items, canWrite, onAdd }: { items: Attachment[]; canWrite: boolean; onAdd(): void }) {
  const { t } = useTranslation();
  return (
    <div>
      {canWrite ? (
        <div className="tab-actions">
          <button type="button" onClick={onAdd}>
            {t('register.attach.add')}
          </button>
        </div>
      ) : null}
      {items.length === 0 ? (
        <p className="muted">{t('register.attach.none')}</p>
      ) : (
        <div className="thumbs">
          {items.map((a) => (
            <Thumb key={a.id} a={a} />
          ))}
        </div>
      )}
    </div>
  );
}
