// Names of audit actions, Ukrainian. Keys are shared/audit's AUDIT_ACTIONS with dots as underscores (i18next nests on dots).
import type { AuditAction } from '../../../shared/audit';

type Underscored<S extends string> = S extends `${infer A}.${infer B}` ? `${A}_${Underscored<B>}` : S;
export type AuditActionKey = Underscored<AuditAction>;
export type AuditActionMessages = Record<AuditActionKey, string>;

export const auditActionKey = (action: string): string => action.replaceAll('.', '_');

export const auditActionsUk: AuditActionMessages = {
  vault_init: 'Створено сховище',
  login: 'Вхід',
  login_failed: 'Невдала спроба входу',
  lock: 'Блокування',
  passphrase_change: 'Зміна парольної фрази',
  key_rotate: 'Заміна ключа сховища',
  signing_key: 'Створено ключ підпису журналу',
  operator_add: 'Додано оператора',
  operator_disable: 'Вимкнено оператора',
  operator_resetPassphrase: 'Скинуто парольну фразу оператора',
  settings_update: 'Змінено налаштування',
  backup_create: 'Створено резервну копію',
  backup_restore: 'Відновлено з резервної копії',
  audit_verify: 'Перевірено журнал',
  demo_fill: 'Заповнено демо-даними',
  record_write: 'Запис даних',
  persons_create: 'Додано особу',
  persons_update: 'Змінено дані особи',
  persons_delete: 'Видалено особу',
  persons_changeStatus: 'Змінено статус',
  persons_merge: 'Об’єднано дублікати',
  persons_notDuplicate: 'Позначено «не дублікат»',
  persons_import: 'Імпорт осіб',
  persons_export: 'Експорт осіб',
  sources_create: 'Додано джерело',
  sightings_add: 'Додано відомість про місце перебування',
  sightings_delete: 'Видалено відомість про місце перебування',
  relatives_add: 'Додано родича',
  relatives_update: 'Змінено дані родича',
  relatives_delete: 'Видалено родича',
  relatives_logContact: 'Записано контакт з родиною',
  attachments_add: 'Додано вкладення',
  attachments_delete: 'Видалено вкладення',
  lists_import: 'Завантажено список',
  lists_close: 'Закрито список',
  lists_reopen: 'Знову відкрито список',
  lists_decide_linked: 'Запис списку пов’язано з особою',
  lists_decide_created: 'За записом списку створено особу',
  lists_decide_skipped: 'Запис списку пропущено',
  lists_acceptSuggested: 'Прийнято явні збіги списку',
};
