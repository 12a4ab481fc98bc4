import { useState, type FormEvent } from 'react';
import { normaliseJoinCode } from '../../../shared/ids';
import { useT } from '../../i18n/i18n';
import { navigate } from '../../router';

/** The "Meedoen" card: a join code leads to `/j/<code>`. */
export function JoinCodeCard({ initialCode = '' }: { initialCode?: string }) {
  const t = useT();
  const [code, setCode] = useState(initialCode);
  const [error, setError] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const normalised = normaliseJoinCode(code);
    if (!normalised) return setError(true);
    navigate(`/j/${normalised}`);
  };
  return (
    <section className="card" aria-labelledby="join-card-title">
      <h2 id="join-card-title">{t('landing.join.title')}</h2>
      <p>{t('landing.join.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="join-code">{t('landing.join.code')}</label>
          <input
            id="join-code"
            className="input input--code"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setError(false);
            }}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            aria-invalid={error}
            aria-describedby={error ? 'join-code-error' : undefined}
            data-testid="join-code-input"
          />
          {error && (
            <p id="join-code-error" className="field__error" role="alert">
              {t('landing.join.invalid')}
            </p>
          )}
        </div>
        <button type="submit" className="button button--primary" data-testid="join-code-submit">
          {t('landing.join.submit')}
        </button>
      </form>
    </section>
  );
}
