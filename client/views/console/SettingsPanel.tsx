import { useMemo, useState } from 'react';
import type { ParticipantInfo, WorkshopMeta } from '../../../shared/controlDoc';
import { LIMITS } from '../../../shared/limits';
import { useT } from '../../i18n/i18n';
import { runCommand } from '../../sync/commands';

/** The zone transcripts use when the workshop has none set (server/export/model.ts). */
const DEFAULT_TIME_ZONE = 'Europe/Amsterdam';

/** Every IANA zone the browser knows; the current one first if it is missing from the list. */
function timeZones(current: string): string[] {
  const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? [DEFAULT_TIME_ZONE];
  return all.includes(current) ? all : [current, ...all];
}

/**
 * One field of the form over a value of the workshop's document. While nobody edits it here, it follows the document
 * (another console, on a tablet say, changed it); once edited here it keeps the edit, and says so when the document
 * changed underneath it (saving then writes this console's value). `base`: the document's value the edit started from.
 */
function useFollowed(current: string): { value: string; set: (v: string) => void; overtaken: boolean } {
  const [value, setValue] = useState(current);
  const [base, setBase] = useState(current);
  const [overtaken, setOvertaken] = useState(false);
  if (base !== current) {
    // Adjusted while rendering (React's pattern for state that follows a prop): no render with the stale value.
    setBase(current);
    if (value === base) setValue(current);
    else if (value !== current) setOvertaken(true);
  }
  const set = (v: string) => {
    setValue(v);
    if (v === current) setOvertaken(false);
  };
  return { value, set, overtaken: overtaken && value !== current };
}

/**
 * The workshop's own settings (command `workshop.update`, docs/API.md): its title, the consent text phones show at
 * join (in Dutch and English, as approved for the study), and the time zone transcripts show times in. A changed
 * consent text is a new version; the panel says how many participants agreed to an earlier one.
 */
export function SettingsPanel({ meta, participants }: { meta: WorkshopMeta; participants: ParticipantInfo[] }) {
  const t = useT();
  const zone = meta.timeZone ?? DEFAULT_TIME_ZONE;
  const titleField = useFollowed(meta.title);
  const nlField = useFollowed(meta.consentText.nl);
  const enField = useFollowed(meta.consentText.en);
  const zoneField = useFollowed(zone);
  const [title, setTitle] = [titleField.value, titleField.set];
  const [consentNl, setConsentNl] = [nlField.value, nlField.set];
  const [consentEn, setConsentEn] = [enField.value, enField.set];
  const [timeZone, setTimeZone] = [zoneField.value, zoneField.set];
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const zones = useMemo(() => timeZones(zone), [zone]);
  const version = meta.consentVersion ?? 1;
  const earlier = participants.filter((p) => (p.consentVersion ?? 1) < version).length;

  const titleChanged = title.trim() !== meta.title;
  const consentChanged = consentNl.trim() !== meta.consentText.nl || consentEn.trim() !== meta.consentText.en;
  const zoneChanged = timeZone !== zone;
  const empty = !title.trim() || !consentNl.trim() || !consentEn.trim();

  // Under the field it concerns: the value there is this console's, the document has another since.
  const overtakenNote = (
    <p className="field__hint" role="status" data-testid="settings-overtaken">
      {t('settings.changedElsewhere')}
    </p>
  );

  const save = async () => {
    setStatus('saving');
    const ok = await runCommand({
      type: 'workshop.update',
      ...(titleChanged ? { title: title.trim() } : {}),
      ...(consentChanged ? { consentText: { nl: consentNl.trim(), en: consentEn.trim() } } : {}),
      ...(zoneChanged ? { timeZone } : {}),
    });
    setStatus(ok ? 'saved' : 'failed');
  };
  const edit =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setStatus('idle');
    };

  return (
    <details className="panel settings-panel" data-testid="settings-panel">
      <summary>
        <h2 className="settings-panel__title">{t('settings.title')}</h2>
      </summary>
      <form
        className="settings-panel__form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <div className="field">
          <label htmlFor="settings-title">{t('settings.workshopTitle')}</label>
          <input
            id="settings-title"
            className="input"
            value={title}
            maxLength={LIMITS.title}
            required
            onChange={(e) => edit(setTitle)(e.target.value)}
            data-testid="settings-title"
          />
          {titleField.overtaken && overtakenNote}
        </div>
        {(
          [
            ['nl', consentNl, setConsentNl, nlField.overtaken],
            ['en', consentEn, setConsentEn, enField.overtaken],
          ] as const
        ).map(([lang, value, set, overtaken]) => (
          <div className="field" key={lang}>
            <label htmlFor={`settings-consent-${lang}`}>
              {t(lang === 'nl' ? 'settings.consentNl' : 'settings.consentEn')}
            </label>
            <textarea
              id={`settings-consent-${lang}`}
              className="input"
              rows={5}
              value={value}
              maxLength={LIMITS.consentText}
              required
              onChange={(e) => edit(set)(e.target.value)}
              data-testid={`settings-consent-${lang}`}
            />
            {overtaken && overtakenNote}
          </div>
        ))}
        <p className="muted" data-testid="settings-consent-version">
          {t('settings.consentVersion', { version })} {earlier > 0 && t('settings.consentEarlier', { count: earlier })}
        </p>
        {consentChanged && (
          <p className="muted" role="status">
            {t('settings.consentNewVersion')}
          </p>
        )}
        <div className="field">
          <label htmlFor="settings-zone">{t('settings.timeZone')}</label>
          <select
            id="settings-zone"
            className="input"
            value={timeZone}
            onChange={(e) => edit(setTimeZone)(e.target.value)}
            aria-describedby="settings-zone-help"
            data-testid="settings-zone"
          >
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
          <p id="settings-zone-help" className="muted">
            {t('settings.timeZoneHelp')}
          </p>
          {zoneField.overtaken && overtakenNote}
        </div>
        <button
          type="submit"
          className="button button--primary"
          disabled={empty || status === 'saving' || !(titleChanged || consentChanged || zoneChanged)}
          data-testid="settings-save"
        >
          {t('settings.save')}
        </button>
        {status === 'saved' && (
          <p role="status" data-testid="settings-saved">
            {t('settings.saved')}
          </p>
        )}
        {status === 'failed' && (
          <p className="field__error" role="alert">
            {t('settings.failed')}
          </p>
        )}
      </form>
    </details>
  );
}
