// Colours of a theme: parsing the few forms a theme may use, and WCAG 2.1 contrast.
// Accepted: #rgb, #rrggbb, rgb(r, g, b) / rgb(r g b) with 0-255 integers. Anything else (var(), keywords,
// transparency, other functions) is not a colour here, so nothing a theme says can hide what it resolves to.

export function parseColor(text) {
  const s = String(text ?? '').trim().toLowerCase();
  let m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (m) return m.slice(1).map((d) => parseInt(d + d, 16));
  m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/.exec(s);
  if (m) return m.slice(1).map((d) => parseInt(d, 16));
  m = /^rgb\(\s*(\d{1,3})(?:\s*,\s*|\s+)(\d{1,3})(?:\s*,\s*|\s+)(\d{1,3})\s*\)$/.exec(s);
  if (m) {
    const rgb = m.slice(1).map(Number);
    return rgb.every((c) => c <= 255) ? rgb : null;
  }
  return null;
}

function luminance([r, g, b]) {
  const lin = (c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

// The contrast ratio (1 to 21) of two parsed colours, or null if either is missing.
export function contrast(a, b) {
  if (!a || !b) return null;
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
