import { loadCommuneRegistry } from '#server/units/commune-registry.ts';
import { vietnameseCollator } from '#shared/i18n/index.ts';

let cached: { code: string; name: string }[] | null = null;

/** The 130 communes and wards for pickers, sorted the Vietnamese way (read once from the registry). */
export function communeOptions(): { code: string; name: string }[] {
  cached ??= loadCommuneRegistry()
    .communes.map(({ code, name }) => ({ code, name }))
    .sort((a, b) => vietnameseCollator.compare(a.name.replace(/^(Xã|Phường) /, ''), b.name.replace(/^(Xã|Phường) /, '')));
  return cached;
}
