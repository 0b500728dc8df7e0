// QR codes as vector SVG (crisp at any print resolution), drawn by the `qrcode` library.
import QRCode from 'qrcode';

const cache = new Map<string, string>();

export async function qrSvg(text: string): Promise<string> {
  const hit = cache.get(text);
  if (hit) return hit;
  const svg = await QRCode.toString(text, { type: 'svg', margin: 0, errorCorrectionLevel: 'M' });
  if (cache.size > 64) cache.clear();
  cache.set(text, svg);
  return svg;
}
