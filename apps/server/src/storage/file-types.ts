/** The file types accepted as attachments, recognised by their first bytes — never by name or header. */
export type SniffedType = {
  contentType: 'image/jpeg' | 'image/png' | 'image/webp' | 'application/pdf';
  extension: string;
};

export function sniffFileType(data: Buffer): SniffedType | null {
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff)
    return { contentType: 'image/jpeg', extension: 'jpg' };
  if (
    data.length >= 8 &&
    data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return { contentType: 'image/png', extension: 'png' };
  if (
    data.length >= 12 &&
    data.subarray(0, 4).toString('latin1') === 'RIFF' &&
    data.subarray(8, 12).toString('latin1') === 'WEBP'
  ) {
    return { contentType: 'image/webp', extension: 'webp' };
  }
  if (data.length >= 5 && data.subarray(0, 5).toString('latin1') === '%PDF-')
    return { contentType: 'application/pdf', extension: 'pdf' };
  return null;
}

/** Width and height from the image header, to refuse pixel floods before anyone decodes the image. */
export function imageDimensions(
  data: Buffer,
  type: SniffedType['contentType'],
): { width: number; height: number } | null {
  if (type === 'image/png' && data.length >= 24)
    return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
  if (type === 'image/jpeg') {
    let offset = 2;
    while (offset + 9 < data.length) {
      if (data[offset] !== 0xff) return null;
      const marker = data[offset + 1]!;
      const length = data.readUInt16BE(offset + 2);
      // SOF0–SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
      if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
        return { height: data.readUInt16BE(offset + 5), width: data.readUInt16BE(offset + 7) };
      }
      offset += 2 + length;
    }
    return null;
  }
  if (type === 'image/webp' && data.length >= 30) {
    const chunk = data.subarray(12, 16).toString('latin1');
    if (chunk === 'VP8X') return { width: 1 + data.readUIntLE(24, 3), height: 1 + data.readUIntLE(27, 3) };
    if (chunk === 'VP8 ')
      return { width: data.readUInt16LE(26) & 0x3fff, height: data.readUInt16LE(28) & 0x3fff };
    if (chunk === 'VP8L') {
      const bits = data.readUInt32LE(21);
      return { width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 };
    }
  }
  return null;
}

/**
 * Removes EXIF metadata (which can hold the GPS position where a photo was taken): the APP1 segments
 * of a JPEG and the eXIf chunk of a PNG. The image itself is untouched.
 */
export function stripImageMetadata(data: Buffer, type: SniffedType['contentType']): Buffer {
  if (type === 'image/jpeg') {
    const parts: Buffer[] = [data.subarray(0, 2)];
    let offset = 2;
    while (offset + 4 <= data.length && data[offset] === 0xff) {
      const marker = data[offset + 1]!;
      if (marker === 0xda) break; // start of scan: the rest is image data
      const length = data.readUInt16BE(offset + 2);
      const isExif = marker === 0xe1 && data.subarray(offset + 4, offset + 8).toString('latin1') === 'Exif';
      if (!isExif) parts.push(data.subarray(offset, offset + 2 + length));
      offset += 2 + length;
    }
    parts.push(data.subarray(offset));
    return Buffer.concat(parts);
  }
  if (type === 'image/png') {
    const parts: Buffer[] = [data.subarray(0, 8)];
    let offset = 8;
    while (offset + 12 <= data.length) {
      const length = data.readUInt32BE(offset);
      const kind = data.subarray(offset + 4, offset + 8).toString('latin1');
      const end = offset + 12 + length;
      if (kind !== 'eXIf') parts.push(data.subarray(offset, end));
      offset = end;
    }
    return Buffer.concat(parts);
  }
  return data;
}
