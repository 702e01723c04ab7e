// fontkit ships no types; pdfkit uses it to parse fonts and accepts the parsed font directly.
declare module 'fontkit' {
  export function create(buffer: Uint8Array, postscriptName?: string): unknown;
}
