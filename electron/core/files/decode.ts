// Deciding a text file's encoding by evidence: UTF-8 with a few bad bytes is still UTF-8 (the bad lines are reported);
// only text that is not UTF-8 at all is read as a Cyrillic 8-bit code page.
import chardet from 'chardet';
import iconv from 'iconv-lite';

const CYRILLIC_8BIT = new Set(['windows-1251', 'koi8-r', 'koi8-u', 'iso-8859-5', 'ibm866']);

export interface Decoded {
  text: string;
  encoding: string;
  /** 1-based line numbers holding bytes that are not valid UTF-8 (shown as U+FFFD); empty when the file is clean. */
  badLines: number[];
}

/** Valid multi-byte UTF-8 sequences and invalid bytes, counted by the WHATWG decoder's own rules. */
export function utf8Evidence(buf: Buffer): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  let i = 0;
  while (i < buf.length) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || c < 0x80 || c > 0xbf) ok = false;
    }
    if (ok) {
      valid++;
      i += need + 1;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

function badLinesOf(text: string): number[] {
  const out: number[] = [];
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.includes('\uFFFD')) out.push(i + 1);
  });
  return out;
}

/**
 * UTF-8 (with or without BOM) when it decodes cleanly, or when valid multi-byte sequences outnumber bad bytes 20 to 1
 * (a Windows-1251 file decodes as almost nothing but bad bytes); else what chardet recognises as a Cyrillic code page;
 * else Windows-1251.
 */
export function decodeText(buf: Buffer, forced?: string): Decoded {
  if (forced) return { text: iconv.decode(buf, forced).replace(/^\uFEFF/, ''), encoding: forced, badLines: [] };
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const text = buf.subarray(3).toString('utf8');
    return { text, encoding: 'utf-8', badLines: text.includes('\uFFFD') ? badLinesOf(text) : [] };
  }
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', badLines: [] };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', badLines: [] };
  } catch {
    const { valid, invalid } = utf8Evidence(buf);
    if (valid > 0 && invalid * 20 <= valid) {
      const text = new TextDecoder('utf-8').decode(buf);
      return { text, encoding: 'utf-8', badLines: badLinesOf(text) };
    }
    const guess = (chardet.detect(buf) ?? '').toLowerCase();
    const enc = CYRILLIC_8BIT.has(guess) ? guess : 'windows-1251';
    return { text: iconv.decode(buf, enc), encoding: enc, badLines: [] };
  }
}
