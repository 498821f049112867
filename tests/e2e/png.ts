/**
 * The pixels of a PNG screenshot, decoded here from its bytes (never read back from the WebGL canvas):
 * 8-bit greyscale, RGB, grey + alpha or RGBA, not interlaced — what Chromium writes. Enough for tests that
 * look at colours; anything else is refused with the reason.
 */
import { inflateSync } from "node:zlib";

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, row by row. */
  data: Uint8Array;
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

export function decodePng(png: Buffer): Pixels {
  if (!png.subarray(0, 8).equals(SIGNATURE)) throw new Error("not a PNG file");
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      const depth = body[8];
      const colour = body[9];
      if (depth !== 8 || !(colour in CHANNELS) || body[12] !== 0) throw new Error(`PNG of bit depth ${depth}, colour type ${colour}, interlace ${body[12]}: not decoded here`);
      channels = CHANNELS[colour];
    } else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const out = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? rows[out + x - channels] : 0;
      const b = y > 0 ? rows[out - stride + x] : 0;
      const c = x >= channels && y > 0 ? rows[out - stride + x - channels] : 0;
      let p = 0;
      if (filter === 1) p = a;
      else if (filter === 2) p = b;
      else if (filter === 3) p = (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        p = pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else if (filter !== 0) throw new Error(`PNG row ${y} has filter ${filter}`);
      rows[out + x] = (line[x] + p) & 255;
    }
  }
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = i * channels;
    const grey = channels <= 2;
    data[i * 4] = rows[s];
    data[i * 4 + 1] = grey ? rows[s] : rows[s + 1];
    data[i * 4 + 2] = grey ? rows[s] : rows[s + 2];
    data[i * 4 + 3] = channels === 4 ? rows[s + 3] : channels === 2 ? rows[s + 1] : 255;
  }
  return { width, height, data };
}

/** RGBA of the pixel at (x, y), rounded to the nearest pixel. */
export function pixelAt(p: Pixels, x: number, y: number): number[] {
  const i = (Math.round(y) * p.width + Math.round(x)) * 4;
  return Array.from(p.data.subarray(i, i + 4));
}

/** Number of pixels whose colours differ by more than `tolerance` (sum over R, G, B) between two pictures of one size. */
export function differingPixels(a: Pixels, b: Pixels, tolerance = 30): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`pictures of different sizes: ${a.width}×${a.height} and ${b.width}×${b.height}`);
  let n = 0;
  for (let i = 0; i < a.data.length; i += 4) if (Math.abs(a.data[i] - b.data[i]) + Math.abs(a.data[i + 1] - b.data[i + 1]) + Math.abs(a.data[i + 2] - b.data[i + 2]) > tolerance) n++;
  return n;
}
