import { categoryLabel } from '#shared/tips/categories.ts';

/** '@commune' in a rule stands for the police queue of the tip's commune. */
export const COMMUNE_POLICE = '@commune';
export const DEFAULT_OWNER = 'pc04';

export interface RoutingRule {
  category: string;
  communeTag: 'border' | 'coastal' | null;
  ownerQueue: string;
  copyQueues: string[];
}

export interface RoutingCommune {
  code: string;
  isBorder: boolean;
  isCoastal: boolean;
}

export interface RoutingQueue {
  code: string;
  name: string;
  active: boolean;
  communeCode: string | null;
}

export interface RoutingDecision {
  ownerQueueCode: string;
  copyQueueCodes: string[];
  /** Shown to officers: why the tip went where it went. */
  reason: string;
}

/**
 * The default rules, seeded into routing_rules on a new database; administrators change them there.
 * Growing drug plants in a border commune goes to the Border Guard, smuggling by sea to the Coast Guard,
 * and so on (plan IV: who fights which drug crime).
 */
export const DEFAULT_RULES: RoutingRule[] = [
  { category: 'mua-ban-van-chuyen', communeTag: null, ownerQueue: 'pc04', copyQueues: [COMMUNE_POLICE] },
  { category: 'mua-ban-van-chuyen', communeTag: 'border', ownerQueue: 'pc04', copyQueues: ['bien-phong', COMMUNE_POLICE] },
  { category: 'to-chuc-su-dung', communeTag: null, ownerQueue: 'pc04', copyQueues: [COMMUNE_POLICE] },
  { category: 'su-dung-trai-phep', communeTag: null, ownerQueue: COMMUNE_POLICE, copyQueues: [] },
  { category: 'trong-cay', communeTag: null, ownerQueue: COMMUNE_POLICE, copyQueues: ['pc04'] },
  { category: 'trong-cay', communeTag: 'border', ownerQueue: 'bien-phong', copyQueues: [COMMUNE_POLICE] },
  { category: 'san-xuat-tien-chat', communeTag: null, ownerQueue: 'pc04', copyQueues: ['quan-ly-thi-truong'] },
  { category: 'qua-bien-gioi', communeTag: null, ownerQueue: 'bien-phong', copyQueues: ['pc04'] },
  { category: 'tren-bien', communeTag: null, ownerQueue: 'canh-sat-bien', copyQueues: ['bien-phong', 'pc04'] },
  { category: 'san-bay-cang-bien', communeTag: null, ownerQueue: 'hai-quan', copyQueues: ['pc04'] },
  { category: 'bong-cuoi', communeTag: null, ownerQueue: 'quan-ly-thi-truong', copyQueues: [COMMUNE_POLICE] },
  { category: 'khac', communeTag: null, ownerQueue: 'pc04', copyQueues: [] },
];

const TAG_LABEL = { border: 'xã biên giới', coastal: 'xã ven biển' } as const;

/**
 * Picks the owner and copies of a tip. A rule for the commune's tag beats the category's general rule;
 * '@commune' resolves to the commune's police unless the commune is unknown or the tipster asked to keep
 * the tip away from it; an inactive or unknown queue falls back to PC04. Pure: tested as a table.
 */
export function decideRoute(
  rules: readonly RoutingRule[],
  queues: ReadonlyMap<string, RoutingQueue>,
  tip: { category: string; commune: RoutingCommune | null; avoidCommunePolice: boolean },
): RoutingDecision {
  const { commune } = tip;
  const tags = commune ? (['border', 'coastal'] as const).filter((tag) => (tag === 'border' ? commune.isBorder : commune.isCoastal)) : [];
  const forCategory = rules.filter((rule) => rule.category === tip.category);
  const tagged = tags.map((tag) => forCategory.find((rule) => rule.communeTag === tag)).find(Boolean);
  const rule = tagged ?? forCategory.find((rule) => rule.communeTag === null);

  const notes: string[] = [];
  const communeQueue = commune ? [...queues.values()].find((queue) => queue.communeCode === commune.code) : undefined;
  const resolve = (code: string): string | null => {
    if (code !== COMMUNE_POLICE) return queues.get(code)?.active ? code : null;
    if (tip.avoidCommunePolice) return null;
    return communeQueue?.active ? communeQueue.code : null;
  };

  let owner = rule ? resolve(rule.ownerQueue) : null;
  if (!owner) {
    if (rule?.ownerQueue === COMMUNE_POLICE && tip.avoidCommunePolice) notes.push('người báo tin không muốn gửi công an xã nơi mình ở');
    else if (rule?.ownerQueue === COMMUNE_POLICE) notes.push('không rõ xã');
    else if (rule) notes.push('đơn vị theo quy tắc không hoạt động');
    owner = DEFAULT_OWNER;
  }
  const copies = [...new Set((rule?.copyQueues ?? []).map(resolve).filter((code): code is string => code !== null && code !== owner))];
  if (tip.avoidCommunePolice && rule?.copyQueues.includes(COMMUNE_POLICE)) notes.push('không gửi bản sao cho công an xã theo yêu cầu của người báo tin');

  const condition = [categoryLabel(tip.category), ...(tagged ? [TAG_LABEL[tagged.communeTag!]] : [])].join(' + ');
  const ownerName = queues.get(owner)?.name ?? owner;
  const reason = `${condition} → ${ownerName}${notes.length ? ` (${notes.join('; ')})` : ''}`;
  return { ownerQueueCode: owner, copyQueueCodes: copies, reason };
}
