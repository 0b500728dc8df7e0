// `obmin demo --sites DIR`: what the two-site first run prints, and why it refuses.
export const demoUk = {
  siteExists: 'У теці {{dir}} уже є налаштоване робоче місце: демо створює два нових об’єкти лише в порожній теці.',
  noRound: 'Немає обміну в роботі: демо-реєстр не склав раунду, тож пакет обміну писати нема з чого.',
  hq: 'Штаб {{site}}: {{dir}} — осіб {{persons}}, джерел {{sources}}, родичів {{relatives}}',
  field: 'Польовий ноутбук {{site}}: {{dir}}',
  cards: 'Об’єкти обмінялися картками й звірили відбитки ключів.',
  exported: 'Пакет обміну № {{number}} для {{to}}: {{file}} — записів {{records}}, {{bytes}} Б',
  imported: 'Імпортовано на {{site}}: додано {{added}}, змінено {{changed}}',
  round: 'Обмін № {{number}} ({{status}}): отримуємо {{receive}}, віддаємо {{give}}',
  manifest: 'Маніфест обміну № {{number}}: {{file}} — сторінок {{pages}}, код {{code}}',
  next: 'Відкрийте будь-який об’єкт: obmin --data {{dir}} … або застосунок з OBMIN_DATA={{dir}}',
} as const;
