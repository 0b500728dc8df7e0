// A column header as people type it (case, spaces, apostrophes, slashes) folded to one spelling, for the register
// import and the lists intake alike.
export function foldHeader(h: string): string {
  return h
    .normalize('NFC')
    .toLowerCase()
    .trim()
    .replace(/['’ʼ`]/g, '_')
    .replace(/[\s./\\-]+/g, '_')
    .replace(/_+/g, '_')
    .replace(/^_|_$/g, '');
}
