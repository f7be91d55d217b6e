// The share link: the situation travels in the URL fragment (#s=…), which browsers never send to a server.
// Format: "s=" + base64url(UTF-8 JSON of the situation, as given to the calculator).

const PREFIX = '#s=';
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

export function encodeSituation(situation) {
  return PREFIX + toBase64Url(new TextEncoder().encode(JSON.stringify(situation)));
}

// Returns the situation object, or null when the fragment is not a (sane) share fragment.
export function decodeFragment(hash) {
  if (typeof hash !== 'string' || !hash.startsWith(PREFIX) || hash.length > MAX_LEN) return null;
  try {
    const s = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(fromBase64Url(hash.slice(PREFIX.length))));
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

// The link for others: this page without its query (no embed/kiosk mode) and with the situation fragment.
export function shareUrl(situation) {
  const u = new URL(location.href);
  u.search = '';
  u.hash = encodeSituation(situation);
  return u.href;
}
