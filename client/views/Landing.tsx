import '../i18n/staff';
import { Page } from '../components/Page';
import { useT } from '../i18n/i18n';
import { CreateWorkshopCard } from './landing/CreateWorkshopCard';
import { JoinCodeCard } from './landing/JoinCodeCard';

/** `/`: create a workshop (organisers) or enter a join code (participants). */
export function Landing() {
  const t = useT();
  return (
    <Page variant="landing">
      <div className="landing__intro">
        <h1>{t('landing.title')}</h1>
        <p className="lead">{t('landing.intro')}</p>
      </div>
      <div className="landing__cards">
        <CreateWorkshopCard />
        <JoinCodeCard />
      </div>
    </Page>
  );
}
