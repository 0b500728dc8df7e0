// A site's fingerprint (20 bytes, hex) as people compare it: grouped hex, and 15 words of 11 bits each (BIP-39 list).
import { WORDS } from './words';

export const FINGERPRINT_HEX = /^[0-9a-f]{40}$/;

/** `ab12 cd34 …`: ten groups of four hex digits. */
export function groupedHex(fp: string): string {
  return fp.match(/.{1,4}/g)?.join(' ') ?? fp;
}

function bitsOf(fp: string): string {
  return fp
    .split('')
    .map((c) => parseInt(c, 16).toString(2).padStart(4, '0'))
    .join('');
}

/** 160 bits padded with zeros to 165: 15 words. */
export function fingerprintWords(fp: string): string[] {
  const bits = bitsOf(fp).padEnd(165, '0');
  const out: string[] = [];
  for (let i = 0; i < 165; i += 11) out.push(WORDS[parseInt(bits.slice(i, i + 11), 2)]!);
  return out;
}

/** What a person typed — hex in any grouping and case, or the 15 words — as the fingerprint's hex; null if neither. */
export function normaliseFingerprint(input: string): string | null {
  const hex = input.toLowerCase().replace(/[\s:-]/g, '');
  if (FINGERPRINT_HEX.test(hex)) return hex;
  const words = input
    .toLowerCase()
    .trim()
    .split(/[\s,]+/);
  if (words.length !== 15) return null;
  let bits = '';
  for (const w of words) {
    const i = WORDS.indexOf(w);
    if (i < 0) return null;
    bits += i.toString(2).padStart(11, '0');
  }
  if (!/^0+$/.test(bits.slice(160))) return null;
  let out = '';
  for (let i = 0; i < 160; i += 4) out += parseInt(bits.slice(i, i + 4), 2).toString(16);
  return out;
}
