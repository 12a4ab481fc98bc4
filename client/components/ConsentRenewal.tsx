import { useState } from 'react';
import type { WorkshopMeta } from '../../shared/controlDoc';
import { makeUseT, useLang } from '../i18n/i18n';
import { sendCommand } from '../sync/commands';

/*
 * Loaded only on a phone whose participant agreed to an earlier consent text than the one the workshop has now
 * (the facilitator changed it in the console): its strings come with it, so no phone's first download carries them.
 */
const useConsentT = makeUseT({
  nl: {
    'consentRenewal.title': 'De toestemmingstekst is gewijzigd',
    'consentRenewal.intro': 'Je stemde in met een eerdere versie. Lees de nieuwe tekst:',
    'consentRenewal.agree': 'Ik stem in met deze tekst',
    'consentRenewal.notAgree':
      'Stem je niet in? Zeg het tegen de begeleider: die kan je gegevens en bijdragen laten verwijderen.',
    'consentRenewal.failed': 'Dat lukte niet: {message}',
  },
  en: {
    'consentRenewal.title': 'The consent text has changed',
    'consentRenewal.intro': 'You agreed to an earlier version. Please read the new text:',
    'consentRenewal.agree': 'I agree to this text',
    'consentRenewal.notAgree':
      'Do you not agree? Tell the facilitator: they can have your data and contributions erased.',
    'consentRenewal.failed': 'That did not work: {message}',
  },
});

/** Asks a participant to agree to the consent text's current version (command `consent.agree`, docs/API.md). */
export default function ConsentRenewal({ meta }: { meta: WorkshopMeta }) {
  const t = useConsentT();
  const lang = useLang();
  const [error, setError] = useState<string | null>(null);
  const version = meta.consentVersion ?? 1;
  return (
    <section className="notice consent-renewal" aria-labelledby="consent-renewal-title" data-testid="consent-renewal">
      <h2 id="consent-renewal-title">{t('consentRenewal.title')}</h2>
      <p>{t('consentRenewal.intro')}</p>
      <p className="consent__text" id="consent-renewal-text">
        {meta.consentText[lang] || meta.consentText.nl}
      </p>
      <button
        type="button"
        className="button button--primary button--block"
        aria-describedby="consent-renewal-text"
        onClick={() =>
          void sendCommand({ type: 'consent.agree', version }).then((ack) =>
            setError(ack.ok ? null : ack.error.message || ack.error.code),
          )
        }
        data-testid="consent-renewal-agree"
      >
        {t('consentRenewal.agree')}
      </button>
      <p className="muted">{t('consentRenewal.notAgree')}</p>
      {error && (
        <p className="field__error" role="alert">
          {t('consentRenewal.failed', { message: error })}
        </p>
      )}
    </section>
  );
}
