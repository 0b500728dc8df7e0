import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DiscardBar } from './DiscardBar';

interface DialogProps {
  title: string;
  onClose(): void;
  children: ReactNode;
  wide?: boolean;
  /** unsaved input: Esc and × ask before throwing it away */
  dirty?: boolean;
}

const FIELDS = 'input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])';

/** The first field to type in (an explicit autofocus wins), never the close button in the header. */
export function focusFirstField(root: HTMLElement | null): void {
  const el = root?.querySelector<HTMLElement>('[autofocus]') ?? root?.querySelector<HTMLElement>(FIELDS);
  el?.focus();
}

/** A native modal <dialog>: focus stays inside, Esc closes (the browser's 'cancel' event), no runtime styles. */
export function Dialog({ title, onClose, children, wide, dirty }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    focusFirstField(bodyRef.current);
    return () => el?.close();
  }, []);
  const close = () => (dirty ? setAsking(true) : onClose());
  return (
    <dialog
      ref={ref}
      className={wide ? 'dialog dialog-wide' : 'dialog'}
      aria-labelledby={titleId}
      onCancel={(e) => {
        e.preventDefault();
        if (asking) setAsking(false);
        else close();
      }}
    >
      <header className="dialog-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="ghost" onClick={close} title="Esc" aria-label={t('common.close')}>
          ×
        </button>
      </header>
      {asking ? <DiscardBar onDiscard={onClose} onKeep={() => setAsking(false)} /> : null}
      <div ref={bodyRef} className="dialog-content">
        {children}
      </div>
    </dialog>
  );
}
