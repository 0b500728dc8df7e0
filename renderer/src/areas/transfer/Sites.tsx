// This site's identity and the other sites: import a card, the fingerprint ceremony (words, hex, QR), revoke.
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fingerprintWords, groupedHex } from '../../../../shared/transfer/fingerprint';
import { MEDIA, type PeerInfo } from '../../../../shared/transfer/schemas';
import { FormError, type UiError } from '../../components/FormError';
import { formatDateTime } from '../../lib/format';
import { useTransfer } from './store';

const CANCELLED = 'transfer.cancelled';

export function Fingerprint({ fp, label }: { fp: string; label: string }) {
  const { t } = useTranslation();
  const [qr, setQr] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    void QRCode.toDataURL(groupedHex(fp), { errorCorrectionLevel: 'M', margin: 1, width: 160 }).then((url) => live && setQr(url));
    return () => {
      live = false;
    };
  }, [fp]);
  return (
    <div className="fingerprint" data-testid="fingerprint">
      <dl className="facts">
        <div className="fact">
          <dt>{label}</dt>
          <dd className="mono" data-testid="fingerprint-hex">
            {groupedHex(fp)}
          </dd>
        </div>
        <div className="fact">
          <dt>{t('transferUi.me.words')}</dt>
          <dd data-testid="fingerprint-words">
            <ol className="fingerprint-words">
              {fingerprintWords(fp).map((w, i) => (
                <li key={i}>{w}</li>
              ))}
            </ol>
          </dd>
        </div>
      </dl>
      {qr ? <img className="fingerprint-qr" src={qr} width={160} height={160} alt={t('transferUi.ceremony.qr')} /> : null}
    </div>
  );
}

function Ceremony({ peer, onDone }: { peer: PeerInfo; onDone: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<UiError | null>(null);
  const act = async (trust: boolean) => {
    const r = trust
      ? await window.obmin.transfer.peerConfirm({ site: peer.site, fingerprint: peer.fingerprint })
      : await window.obmin.transfer.peerRevoke({ site: peer.site });
    if (!r.ok) return setError(r.error);
    onDone();
  };
  return (
    <section className="card" aria-labelledby="ceremony-title" data-testid="ceremony">
      <h3 id="ceremony-title">{t('transferUi.ceremony.title', { site: peer.site })}</h3>
      <p>{t('transferUi.ceremony.steps', { site: peer.site })}</p>
      <Fingerprint fp={peer.fingerprint} label={t('transferUi.me.fingerprint')} />
      <FormError error={error} />
      <div className="form-actions">
        <button type="button" onClick={() => void act(false)}>
          {t('transferUi.ceremony.mismatch')}
        </button>
        <button type="button" className="primary" onClick={() => void act(true)}>
          {t('transferUi.ceremony.match')}
        </button>
      </div>
    </section>
  );
}

export function Sites({ admin }: { admin: boolean }) {
  const { t } = useTranslation();
  const overview = useTransfer((s) => s.overview);
  const refresh = useTransfer((s) => s.refresh);
  const [checking, setChecking] = useState<string | null>(null);
  const [error, setError] = useState<UiError | null>(null);
  const [note, setNote] = useState<string | null>(null);
  if (!overview) return null;
  const me = overview.identity;
  const fail = (e: UiError) => (e.messageKey === CANCELLED ? undefined : setError(e));

  const exportCard = async () => {
    setError(null);
    const r = await window.obmin.transfer.identityExport({ file: MEDIA.folder });
    if (!r.ok) return fail(r.error);
    setNote(t('transferUi.me.cardWritten', { file: r.value.file }));
  };
  const addCard = async () => {
    setError(null);
    const r = await window.obmin.transfer.peerAdd({ file: MEDIA.open, fingerprint: null });
    if (!r.ok) return fail(r.error);
    await refresh();
    if (r.value.status === 'pending') setChecking(r.value.site);
  };
  const revoke = async (site: string) => {
    if (!window.confirm(t('transferUi.peers.revokeConfirm', { site }))) return;
    const r = await window.obmin.transfer.peerRevoke({ site });
    if (!r.ok) return setError(r.error);
    await refresh();
  };
  const peer = overview.peers.find((p) => p.site === checking);

  return (
    <div className="transfer-sites">
      <section className="card" aria-labelledby="me-title">
        <div className="card-head">
          <h3 id="me-title">
            {t('transferUi.me.title')}: {me.site} — {me.name}
          </h3>
          {admin ? (
            <button type="button" onClick={() => void exportCard()}>
              {t('transferUi.me.exportCard')}
            </button>
          ) : null}
        </div>
        <Fingerprint fp={me.fingerprint} label={t('transferUi.me.fingerprint')} />
        {note ? <p role="status">{note}</p> : null}
      </section>
      <FormError error={error} />
      {peer ? (
        <Ceremony
          peer={peer}
          onDone={() => {
            setChecking(null);
            void refresh();
          }}
        />
      ) : null}
      <section className="card" aria-labelledby="peers-title">
        <div className="card-head">
          <h3 id="peers-title">{t('transferUi.peers.title')}</h3>
          {admin ? (
            <button type="button" onClick={() => void addCard()}>
              {t('transferUi.peers.add')}
            </button>
          ) : null}
        </div>
        {overview.peers.length === 0 ? (
          <p className="muted">{t('transferUi.peers.empty')}</p>
        ) : (
          <table className="data" data-testid="peers">
            <thead>
              <tr>
                <th>{t('transferUi.peers.site')}</th>
                <th>{t('transferUi.peers.status')}</th>
                <th>{t('transferUi.peers.lastSent')}</th>
                <th>{t('transferUi.peers.lastReceived')}</th>
                <th className="num">{t('transferUi.peers.waiting')}</th>
                <th className="num">{t('transferUi.peers.unacknowledged')}</th>
                <th className="actions-col" />
              </tr>
            </thead>
            <tbody>
              {overview.peers.map((p) => (
                <tr key={p.site} data-site={p.site}>
                  <td title={groupedHex(p.fingerprint)}>
                    {p.site} — {p.name}
                  </td>
                  <td>{t(`transferUi.peers.statuses.${p.status}`)}</td>
                  <td>{p.lastSent ? `№ ${p.lastSent.seq}, ${formatDateTime(p.lastSent.at)}` : t('transferUi.badge.never')}</td>
                  <td>{p.lastReceived ? `№ ${p.lastReceived.seq}, ${formatDateTime(p.lastReceived.at)}` : t('transferUi.badge.never')}</td>
                  <td className="num">{p.pending}</td>
                  <td className="num" title={p.ackedSeq ? t('transferUi.peers.ackedThrough', { seq: p.ackedSeq }) : undefined}>
                    {p.unacknowledged}
                  </td>
                  <td className="actions-col">
                    {admin && p.status === 'pending' ? (
                      <button type="button" onClick={() => setChecking(p.site)}>
                        {t('transferUi.peers.verify')}
                      </button>
                    ) : null}
                    {admin && p.status !== 'revoked' ? (
                      <button type="button" onClick={() => void revoke(p.site)}>
                        {t('transferUi.peers.revoke')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
