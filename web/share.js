// The share link: the situation travels in the URL fragment (#s=…), which browsers never send to a server.
// Format: "s=" + base64url(UTF-8 JSON of the situation, as given to the calculator).
// A form not yet calculated crosses the reload into a new release as a draft, "#d=" + base64url(UTF-8 JSON) of
// the situation's shape holding what was typed, as typed (a half-written date is kept as text); the page reads it
// back into the form, uncalculated, and drops it from the address.

const PREFIX = '#s=';
const DRAFT = '#d=';
const MAX_LEN = 64 * 1024;

function toBase64Url(bytes) {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text) {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '==='.slice((b64.length + 3) % 4));
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

function encode(prefix, value) {
  return prefix + toBase64Url(new TextEncoder().encode(JSON.stringify(value)));
}

export function encodeSituation(situation) {
  return encode(PREFIX, situation);
}

export function encodeDraft(draft) {
  return encode(DRAFT, draft);
}

export function isDraftFragment(hash) {
  return typeof hash === 'string' && hash.startsWith(DRAFT);
}

// The draft of a "#d=" fragment, its answers as text or yes/no only (anything else is dropped), or null.
export function decodeDraft(hash) {
  const d = decode(hash, DRAFT);
  if (!d) return null;
  const plain = (o) => Object.fromEntries(Object.entries(o ?? {})
    .filter(([, v]) => typeof v === 'string' || typeof v === 'boolean'));
  return {
    city: d.city,
    as_of: typeof d.as_of === 'string' ? d.as_of : '',
    applicant: plain(d.applicant),
    events: (d.events ?? []).filter((e) => e && typeof e === 'object' && typeof e.type === 'string').map(plain),
  };
}

// Returns the situation object, or null when the fragment is not a (sane) share fragment.
export function decodeFragment(hash) {
  return decode(hash, PREFIX);
}

function decode(hash, prefix) {
  if (typeof hash !== 'string' || !hash.startsWith(prefix) || hash.length > MAX_LEN) return null;
  try {
    const s = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(hash.slice(prefix.length))));
    if (!s || typeof s !== 'object' || Array.isArray(s)) return null;
    if (typeof s.city !== 'string') return null;
    if (s.applicant != null && (typeof s.applicant !== 'object' || Array.isArray(s.applicant))) return null;
    if (s.events != null && !Array.isArray(s.events)) return null;
    return s;
  } catch {
    return null;
  }
}

export function isShareFragment(hash) {
  return typeof hash === 'string' && hash.startsWith(PREFIX);
}

// The link for others: this page without its query (no embed/kiosk mode; lang=en where the page is in English)
// and with the situation fragment.
export function shareUrl(situation, english = false) {
  const u = new URL(location.href);
  u.search = english ? '?lang=en' : '';  // the reader's language travels; no embed or kiosk mode does
  u.hash = encodeSituation(situation);
  return u.href;
}
