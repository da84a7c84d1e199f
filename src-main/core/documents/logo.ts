import fs from 'node:fs';

export interface LogoImage {
  type: 'png' | 'jpg' | 'gif';
  data: Buffer;
  /** Display size in pixels (96 per inch), scaled to fit the letterhead. */
  width: number;
  height: number;
}

export const LOGO_MAX_BYTES = 2 * 1024 * 1024;
/** About 5.3 × 1.7 cm: room for a logo beside the sender block without pushing the letter down. */
const MAX_WIDTH = 200;
const MAX_HEIGHT = 64;

/** Width and height from the image's own header; undefined for anything not PNG, JPEG or GIF. */
export function imageInfo(data: Buffer): { type: LogoImage['type']; width: number; height: number } | undefined {
  if (data.length > 24 && data.readUInt32BE(0) === 0x89504e47 && data.toString('latin1', 12, 16) === 'IHDR') {
    return { type: 'png', width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  }
  if (data.length > 10 && /^GIF8[79]a$/.test(data.toString('latin1', 0, 6))) {
    return { type: 'gif', width: data.readUInt16LE(6), height: data.readUInt16LE(8) };
  }
  if (data.length > 4 && data[0] === 0xff && data[1] === 0xd8) {
    let i = 2;
    while (i + 9 < data.length) {
      if (data[i] !== 0xff) return undefined;
      const marker = data[i + 1] ?? 0;
      const length = data.readUInt16BE(i + 2);
      // SOF0…SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { type: 'jpg', height: data.readUInt16BE(i + 5), width: data.readUInt16BE(i + 7) };
      }
      i += 2 + length;
    }
  }
  return undefined;
}

/** Fits an image into the letterhead's box, keeping its proportions. */
export function fitLogo(width: number, height: number): { width: number; height: number } {
  const scale = Math.min(1, MAX_WIDTH / width, MAX_HEIGHT / height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function logoFromBytes(data: Buffer): LogoImage | undefined {
  if (data.length === 0 || data.length > LOGO_MAX_BYTES) return undefined;
  const info = imageInfo(data);
  if (!info || info.width < 1 || info.height < 1) return undefined;
  return { type: info.type, data, ...fitLogo(info.width, info.height) };
}

/** Reads the logo named in settings; undefined when it is missing, too big or not an image. */
export function readLogo(file: string): LogoImage | undefined {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile() || stat.size > LOGO_MAX_BYTES) return undefined;
    return logoFromBytes(fs.readFileSync(file));
  } catch {
    return undefined;
  }
}
