import { describe, expect, it } from 'vitest';
import { createRouter } from '../../electron/core';
import { AUDIT_ACTIONS } from '../../shared/audit';
import type { Result } from '../../shared/errors';
import type { AuditEntry } from '../../shared/ipc/schemas';
import { auditActionsEn } from '../../renderer/src/i18n/audit.en';
import { auditActionKey, auditActionsUk } from '../../renderer/src/i18n/audit.uk';
import { initCore } from '../helpers/tmp';

describe('audit listing', () => {
  it('names the person an entry concerns and filters by operator, person and date', async () => {
    const core = await initCore();
    const router = createRouter(core);
    const list = async (args: Record<string, unknown>): Promise<Result<AuditEntry[]>> => (await router.handle('audit.list', args)) as Result<AuditEntry[]>;
    const a = await router.handle('persons.create', { surname: 'Вигаданенко', givenName: 'Остап', side: 'ours', category: 'military', ref: 'AUD-1' });
    const b = await router.handle('persons.create', { surname: 'Придуманий', givenName: 'Тарас', side: 'ours', category: 'military', ref: 'AUD-2' });
    expect(a.ok && b.ok).toBe(true);
    const all = await list({ limit: 50 });
    if (!all.ok) throw new Error('list failed');
    const created = all.value.filter((e) => e.action === 'persons.create');
    expect(created.map((e) => e.person?.name).sort()).toEqual(['Вигаданенко Остап', 'Придуманий Тарас']);
    expect(created.find((e) => e.person?.ref === 'AUD-1')).toBeDefined();
    // Case-insensitive for Cyrillic, by part of the name or by the exact case number.
    const byName = await list({ limit: 50, filter: { person: 'вигадан' } });
    expect(byName.ok && byName.value.map((e) => e.person?.ref)).toEqual(['AUD-1']);
    const byRef = await list({ limit: 50, filter: { person: 'AUD-2' } });
    expect(byRef.ok && byRef.value.map((e) => e.person?.name)).toEqual(['Придуманий Тарас']);
    const operator = core.require().operator.name;
    const byOperator = await list({ limit: 50, filter: { operator: operator.slice(0, 4).toLowerCase() } });
    expect(byOperator.ok && byOperator.value.length).toBe(all.value.filter((e) => e.operatorName === operator).length);
    const today = new Date().toISOString().slice(0, 10);
    const none = await list({ limit: 50, filter: { to: '2000-01-01' } });
    expect(none.ok && none.value).toEqual([]);
    const todays = await list({ limit: 50, filter: { from: today, to: today } });
    expect(todays.ok && todays.value.length).toBe(all.value.length);
    expect(await list({ limit: 50, filter: { from: '1.1.2020' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('has a label for every action in both languages', () => {
    for (const a of AUDIT_ACTIONS) {
      expect((auditActionsUk as Record<string, string>)[auditActionKey(a)], a).toBeTruthy();
      expect((auditActionsEn as Record<string, string>)[auditActionKey(a)], a).toBeTruthy();
    }
  });
});
