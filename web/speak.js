// Reading the result aloud with the browser's own speech synthesis, where the device has a voice for the page's
// language (a Chinese voice for the Chinese page). The text never leaves the device through this page; the button
// is hidden where there is no such voice.
import { h } from './dom.js';
import { t, lang } from './i18n.js';

const synth = () => ('speechSynthesis' in window && 'SpeechSynthesisUtterance' in window ? window.speechSynthesis : null);

// A voice for the page's language: for Chinese a zh/cmn voice, a mainland (zh-CN, Hans) one first.
function voiceFor(code) {
  const voices = synth()?.getVoices() ?? [];
  if (code !== 'zh') return voices.find((v) => /^en/i.test(v.lang)) ?? null;
  const zh = voices.filter((v) => /^(zh|cmn)\b/i.test(v.lang));
  return zh.find((v) => /cn|hans/i.test(v.lang)) ?? zh[0] ?? null;
}

// Voices often arrive after the page loads: show the button when they do.
if (synth()) synth().addEventListener?.('voiceschanged', () => {
  const button = document.getElementById('speak');
  if (button) button.hidden = !voiceFor(lang());
});

// A button that reads text() aloud, and stops reading when pressed again.
export function speakButton(text) {
  const button = h('button', { type: 'button', class: 'secondary', id: 'speak', 'aria-pressed': 'false',
    hidden: !voiceFor(lang()), onclick: () => {
      const s = synth();
      if (!s) return;
      if (s.speaking) {
        s.cancel();
        button.setAttribute('aria-pressed', 'false');
        return;
      }
      const u = new SpeechSynthesisUtterance(text());
      u.voice = voiceFor(lang());
      u.lang = u.voice?.lang ?? (lang() === 'zh' ? 'zh-CN' : 'en');
      u.rate = 0.9;
      u.onend = u.onerror = () => button.setAttribute('aria-pressed', 'false');
      button.setAttribute('aria-pressed', 'true');
      s.speak(u);
    } }, t('speak'));
  return button;
}
