import { Page } from '../components/Page';
import { useT } from '../i18n/i18n';

export function NotFound() {
  const t = useT();
  return (
    <Page variant="landing">
      <h1>{t('common.notFound')}</h1>
      <p>
        <a href="/">{t('common.toHome')}</a>
      </p>
    </Page>
  );
}
