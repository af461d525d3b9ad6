import { PLAN_AGENCIES } from './agencies.ts';
import { loadCommuneRegistry } from '../units/commune-registry.ts';
import { vietnameseCollator } from '#shared/i18n/index.ts';
import type { Option } from '../http/string-pages/submission-form.ts';

/** A kit's choice in the form: its folder name and the title from its kit.yaml. */
export function kitOption(slug: string, kitYaml: string): Option {
  return { value: slug, label: /^title:\s*"?(.+?)"?\s*$/m.exec(kitYaml)?.[1] ?? slug };
}

/**
 * The choices of the public report form, from the same sources the database was seeded from (the address
 * package, plan IV, content/kits), so the prerendered form needs no database. Kits are passed in: the
 * build reads them through Vite, the server from the content folder.
 */
export function submissionFormOptions(kits: readonly Option[]): { communes: Option[]; agencies: Option[]; kits: Option[] } {
  const bare = (name: string) => name.replace(/^(Xã|Phường)\s+/u, '');
  const communes = loadCommuneRegistry()
    .communes.map((commune) => ({ value: commune.code, label: commune.name }))
    .sort((a, b) => vietnameseCollator.compare(bare(a.label), bare(b.label)));
  const agencies = PLAN_AGENCIES.map((agency) => ({ value: agency.code, label: agency.name }));
  return { communes, agencies, kits: [...kits].sort((a, b) => vietnameseCollator.compare(a.label, b.label)) };
}
