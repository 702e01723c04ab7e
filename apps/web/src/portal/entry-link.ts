/**
 * The links that open the portal: `/portal#code=…` (handed over by the service company) and
 * `/portal?token=…` (the QR code on an installation's instruction card). Both carry secrets, so the
 * page reads them once and takes them out of the address bar (history, bookmarks, screenshots).
 */
export type EntryLink = { code: string; token: string };

/** The code and token a URL carries, and the same URL without them. */
export function parseEntryLink(href: string): EntryLink & { cleanUrl: string; found: boolean } {
  const url = new URL(href);
  const hash = new URLSearchParams(url.hash.replace(/^#/, ''));
  const code = (hash.get('code') ?? '').trim();
  const token = (url.searchParams.get('token') ?? '').trim();
  const found = hash.has('code') || url.searchParams.has('token');
  url.searchParams.delete('token');
  // Another fragment (an anchor) stays as it is.
  if (hash.has('code')) {
    hash.delete('code');
    const rest = hash.toString();
    url.hash = rest ? `#${rest}` : '';
  }
  return { code, token, found, cleanUrl: `${url.pathname}${url.search}${url.hash}` };
}

/** Reads the entry link of this page once and replaces the address without it. */
export function takeEntryLink(): EntryLink | null {
  const link = parseEntryLink(window.location.href);
  if (!link.found) return null;
  window.history.replaceState(window.history.state, '', link.cleanUrl);
  return link.code || link.token ? { code: link.code, token: link.token } : null;
}

/** What the server compares: case, spaces and dashes do not matter. */
export const compactCode = (value: string): string => value.toUpperCase().replace(/[\s-]/g, '');

/** A code as printed, in groups of five, once it has its full 20 characters; otherwise as typed. */
export function groupCode(value: string): string {
  const compact = compactCode(value);
  return compact.length === 20 ? compact.match(/.{5}/g)!.join('-') : value.trim().toUpperCase();
}
