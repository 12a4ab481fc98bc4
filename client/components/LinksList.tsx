import '../i18n/staff';
import type { CreateWorkshopResponse } from '../../shared/protocol';
import { useT } from '../i18n/i18n';
import { CopyField } from './CopyField';

export type WorkshopLinks = CreateWorkshopResponse['links'];

/** The four links of a workshop, each copyable; test ids `link-<role>`. */
export function LinksList({ links }: { links: WorkshopLinks }) {
  const t = useT();
  return (
    <div className="links">
      <CopyField label={t('links.facilitator')} value={links.facilitator} testId="link-facilitator" />
      <CopyField label={t('links.screen')} value={links.screen} testId="link-screen" />
      <CopyField label={t('links.researcher')} value={links.researcher} testId="link-researcher" />
      <CopyField label={t('links.join')} value={links.join} testId="link-join" />
    </div>
  );
}
