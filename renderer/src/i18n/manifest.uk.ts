// Printing (issue 10), Ukrainian.
export const manifestUk = {
  preview: 'Переглянути',
  print: 'Друкувати…',
  save: 'Зберегти PDF…',
  variant: 'Варіант',
  direction: 'Списки',
  variants: { field: 'Польовий (для передачі)', full: 'Повний (з фото)', mediator: 'Для посередника' },
  directions: { both: 'Обидва', receive: 'Приймаємо', give: 'Передаємо' },
  working: 'Готуємо документ…',
  printed: 'Надруковано: сторінок {{pages}}, код {{code}}',
  saved: 'Збережено: сторінок {{pages}}, код {{code}}',
  opened: 'Перегляд відкрито: сторінок {{pages}}, код {{code}}',
  cancelled: 'Скасовано — нічого не записано.',
  label: 'Друк',
};
