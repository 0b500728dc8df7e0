// Printed labels: every document carries both languages side by side, so a label is a pair, not a locale lookup.
import type { Category } from '../register';

export type Bilingual = readonly [uk: string, en: string];

export const L = {
  manifest: ['Маніфест обміну', 'Exchange manifest'],
  round: ['Обмін №', 'Exchange no.'],
  date: ['Дата', 'Date'],
  place: ['Місце передачі', 'Handover point'],
  mediator: ['Посередник', 'Mediator'],
  receive: ['Приймаємо (повертаються додому)', 'Received (coming home)'],
  give: ['Передаємо', 'Handed over by us'],
  no: ['№', 'No.'],
  tick: ['✓', ''],
  name: ['Прізвище, ім’я, по батькові', 'Surname, given name, patronymic'],
  dob: ['Дата народження', 'Date of birth'],
  rankUnit: ['Звання, частина / документ', 'Rank, unit / document'],
  icrc: ['Реф. МКЧХ', 'ICRC ref.'],
  category: ['Категорія', 'Category'],
  photo: ['Фото', 'Photo'],
  total: ['Разом', 'Total'],
  sectionTotal: ['Усього в розділі', 'Section total'],
  page: ['сторінка', 'page'],
  of: ['з', 'of'],
  code: ['Код даних', 'Data code'],
  package: ['Відбиток пакета', 'Package fingerprint'],
  noPackage: ['пакет не створено', 'no package'],
  handing: ['Сторона, що передає', 'Handing-over side'],
  receiving: ['Сторона, що приймає', 'Receiving side'],
  witness: ['Посередник / свідок МКЧХ', 'Mediator / ICRC witness'],
  signature: ['Підпис', 'Signature'],
  fullName: ['П. І. Б.', 'Full name'],
  empty: ['Список порожній', 'The list is empty'],
  unknown: ['—', '—'],
  variantField: ['польовий', 'field'],
  variantFull: ['повний', 'full'],
  variantMediator: ['для посередника', 'for the mediator'],
  noPhoto: ['немає фото', 'no photo'],
  photoUnavailable: ['фото недоступне', 'photo unavailable'],
  dossier: ['Особова справа', 'Person dossier'],
  listReport: ['Звіт про вхідний список', 'Intake list report'],
  printed: ['Надруковано', 'Printed'],
  status: ['Статус', 'Status'],
  entries: ['Записи', 'Entries'],
  decision: ['Рішення', 'Decision'],
  suggestion: ['Пропозиція', 'Suggestion'],
  row: ['Рядок', 'Row'],
  person: ['Особа', 'Person'],
  received: ['Отримано', 'Received'],
  kind: ['Вид', 'Kind'],
  history: ['Історія статусу', 'Status history'],
  sightings: ['Бачили', 'Sightings'],
  source: ['Джерело', 'Source'],
} as const satisfies Record<string, Bilingual>;

export const CATEGORY_LABELS: Record<Category, Bilingual> = {
  military: ['Військовослужбовці', 'Service members'],
  civilian: ['Цивільні', 'Civilians'],
  remains: ['Тіла загиблих', 'Remains'],
  other: ['Інші', 'Other'],
};

/** "Прізвище / Surname" — one line of a bilingual label. */
export function both(l: Bilingual): string {
  return l[1] ? `${l[0]} / ${l[1]}` : l[0];
}
