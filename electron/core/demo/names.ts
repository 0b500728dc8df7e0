// Invented names and places for the demo register: common Ukrainian name forms, no real person's record.
export const SURNAMES = [
  'Ковальов',
  'Коваленко',
  'Шевчук',
  'Бондаренко',
  'Ткаченко',
  'Кравченко',
  'Олійник',
  'Шевченко',
  'Мельник',
  'Бойко',
  'Поліщук',
  'Лисенко',
  'Руденко',
  'Савченко',
  'Петренко',
  'Марченко',
  'Клименко',
  'Павленко',
  'Гончаренко',
  'Левченко',
  'Мороз',
  'Вовк',
  'Гнатюк',
  'Ярошенко',
  'Литвиненко',
  'Сидоренко',
  'Харченко',
  'Зайченко',
  'Руснак',
  'Дячук',
  'Костенко',
  'Головко',
  'Кузьменко',
  'Приходько',
  'Панченко',
  'Остапенко',
  'Тимошенко',
  'Захарченко',
  'Білик',
  'Гребенюк',
];
export const MALE = [
  'Олександр',
  'Андрій',
  'Сергій',
  'Володимир',
  'Олексій',
  'Григорій',
  'Іван',
  'Микола',
  'Дмитро',
  'Юрій',
  'Віктор',
  'Василь',
  'Петро',
  'Максим',
  'Богдан',
  'Тарас',
  'Ярослав',
  'Роман',
  'Євген',
  'Павло',
];
export const FEMALE = ['Олена', 'Наталія', 'Тетяна', 'Ірина', 'Оксана', 'Юлія', 'Марія', 'Анна', 'Світлана', 'Людмила'];
export const PATRONYMIC_STEMS = [
  'Олександр',
  'Андрій',
  'Сергій',
  'Володимир',
  'Іван',
  'Микола',
  'Дмитр',
  'Юрій',
  'Віктор',
  'Василь',
  'Петр',
  'Богдан',
  'Ярослав',
  'Роман',
  'Павл',
];
export const HELD_SURNAMES = ['Ковалёв', 'Смирнов', 'Кузнецов', 'Попов', 'Соколов', 'Лебедев', 'Новиков', 'Морозов', 'Волков', 'Зайцев'];
export const HELD_GIVEN = ['Алексей', 'Сергей', 'Дмитрий', 'Андрей', 'Григорий', 'Николай', 'Иван', 'Павел'];
export const HELD_PATRONYMIC = ['Алексеевич', 'Сергеевич', 'Иванович', 'Николаевич', 'Петрович', 'Андреевич'];
export const FACILITIES = ['Вигадана колонія №1', 'Вигаданий СІЗО-2', 'Вигаданий табір «Північ»', 'Вигадана лікарня №3', 'Вигаданий центр утримання «Схід»'];
export const PLACES = ['Вигадане село Зелене', 'Вигадане місто Степове', 'Вигаданий хутір Лісний', 'Вигадана станція Річна', 'Вигадане селище Озерне'];
export const RANKS = ['солдат', 'старший солдат', 'молодший сержант', 'сержант', 'старший сержант', 'лейтенант', 'капітан'];
export const RELATIONS = ['мати', 'батько', 'дружина', 'сестра', 'брат', 'син', 'донька'];
export const FEMALE_RELATIONS = ['мати', 'дружина', 'сестра', 'донька'];
export const MALE_RELATIONS = ['батько', 'брат', 'син'];

export function patronymic(stem: string, female: boolean): string {
  const soft = /[ій]$/.test(stem);
  const base = stem.replace(/[ій]$/, '');
  if (female) return soft ? `${base}ївна` : `${stem}івна`;
  return soft ? `${base}йович` : `${stem}ович`;
}

/** A small grey placeholder portrait: an SVG drawn from the initials (no real photo). */
export function placeholderSvg(initials: string, hue: number): Buffer {
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="120" height="150" viewBox="0 0 120 150"><rect width="120" height="150" fill="hsl(${hue},20%,85%)"/>` +
      `<circle cx="60" cy="55" r="28" fill="hsl(${hue},15%,60%)"/><rect x="22" y="92" width="76" height="58" rx="30" fill="hsl(${hue},15%,60%)"/>` +
      `<text x="60" y="140" font-family="sans-serif" font-size="14" text-anchor="middle" fill="#333">${initials}</text></svg>`,
    'utf8',
  );
}
