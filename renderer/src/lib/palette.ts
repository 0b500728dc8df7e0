export interface PaletteItem {
  id: string;
  label: string;
  keys?: string;
}

/** Every word typed must appear in the label (any order, any case): "опер" finds "Перейти: Оператори". */
export function filterPalette<T extends PaletteItem>(items: T[], query: string): T[] {
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return items;
  return items.filter((i) => {
    const label = i.label.toLocaleLowerCase();
    return words.every((w) => label.includes(w));
  });
}

/** Arrow keys wrap around the list. */
export function moveSelection(index: number, delta: number, length: number): number {
  if (length === 0) return 0;
  return (((index + delta) % length) + length) % length;
}
