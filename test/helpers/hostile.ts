// Hostile files the red team built, rebuilt for the tests: zip bombs (honest and lying about sizes), string floods,
// CSVs with one bad byte. Each is small on disk; what it unpacks to is the attack.
import zlib from 'node:zlib';

interface Part {
  name: string;
  data: Buffer;
  /** declare this uncompressed size in the headers instead of the real one (a liar) */
  declared?: number;
}

/** A minimal zip writer (deflate, no data descriptors): enough to hand-craft what no honest tool would write. */
export function zip(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const comp = zlib.deflateRawSync(p.data, { level: 9 });
    const crc = zlib.crc32(p.data);
    const size = p.declared ?? p.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(comp.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(comp.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, comp);
    centrals.push(central, name);
    offset += local.length + name.length + comp.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
);
const WORKBOOK = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="S" sheetId="1"/></sheets></workbook>',
);

/** A workbook whose one sheet unpacks to `unpackedMiB` of whitespace inside a cell (the red team's 8 MB → 2.4 GB). */
export function xlsxBomb(unpackedMiB: number, opts: { lie?: boolean } = {}): Buffer {
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>',
  );
  const tail = Buffer.from('</t></is></c></row></sheetData></worksheet>');
  const sheet = Buffer.concat([head, Buffer.alloc(unpackedMiB * 1024 * 1024, 0x20), tail]);
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/worksheets/sheet1.xml', data: sheet, ...(opts.lie ? { declared: 1024 } : {}) },
  ]);
}

/** A workbook with `count` tiny shared strings: small unpacked, but each string an object before the first row. */
export function xlsxStringFlood(count: number): Buffer {
  const strings = Buffer.from(
    `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${'<si><t>a</t></si>'.repeat(count)}</sst>`,
  );
  return zip([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/workbook.xml', data: WORKBOOK },
    { name: 'xl/sharedStrings.xml', data: strings },
  ]);
}

/** A zip holding `count` empty parts. */
export function zipOfManyParts(count: number): Buffer {
  return zip(Array.from({ length: count }, (_, i) => ({ name: `p/${i}.xml`, data: Buffer.alloc(0) })));
}

/** UTF-8 CSV text with one byte on one line replaced by 0xFF (not valid anywhere in UTF-8). */
export function csvWithOneBadByte(text: string, line: number): Buffer {
  const lines = text.split('\n').map((l) => Buffer.from(l, 'utf8'));
  const target = lines[line - 1]!;
  lines[line - 1] = Buffer.concat([target.subarray(0, 2), Buffer.from([0xff]), target.subarray(2)]);
  return Buffer.concat(lines.flatMap((l, i) => (i === 0 ? [l] : [Buffer.from('\n'), l])));
}
