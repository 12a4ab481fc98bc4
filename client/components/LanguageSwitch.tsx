import { setLang, useLang, useT } from '../i18n/i18n';

/** Switches between Dutch and English; the label is in the language it switches to. */
export function LanguageSwitch() {
  const lang = useLang();
  const t = useT();
  const next = lang === 'nl' ? 'en' : 'nl';
  return (
    <button
      type="button"
      className="button button--ghost lang-switch"
      lang={next}
      aria-label={t('lang.switchLabel')}
      data-testid="lang-switch"
      onClick={() => setLang(next)}
    >
      {t('lang.switch')}
    </button>
  );
}
