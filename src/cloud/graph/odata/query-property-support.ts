/** "default": works without advanced query parameters; "advanced": needs ConsistencyLevel: eventual and $count=true. */
export type QuerySupport = "default" | "advanced";

/**
 * $filter support of one filterable path. Keys in the tables are the path as Graph's support table
 * writes it: `city`, `onPremisesExtensionAttributes/extensionAttribute1`, `proxyAddresses/any`
 * (a primitive collection used as `proxyAddresses/any(p:p ...)`) and `assignedLicenses/any/skuId`.
 * An absent operator is not supported. `in` follows `eq`; `ne` and `not` need advanced queries
 * wherever `eq` works.
 */
export interface FilterSupport {
  readonly eq?: QuerySupport;
  readonly startsWith?: QuerySupport;
  readonly endsWith?: QuerySupport;
  /** ge and le. */
  readonly range?: QuerySupport;
  readonly eqNull?: QuerySupport;
}

/** `collection/$count eq 0` (and `ne 0`), `collection/$count eq 1` (and `ne 1`). */
export interface CountFilterSupport {
  readonly zero?: QuerySupport;
  readonly one?: QuerySupport;
}

export interface ResourceQueryProperties {
  /** Resource name as Graph writes it in errors ("User", "Group"). */
  readonly resourceName: string;
  readonly typeName: string;
  /** Every declared structural and navigation property of the v1.0 type. */
  readonly declared: readonly string[];
  readonly filter: Readonly<Record<string, FilterSupport>>;
  readonly countFilter: Readonly<Record<string, CountFilterSupport>>;
  readonly orderBy: Readonly<Record<string, QuerySupport>>;
  /** Support for directory extension properties (`extension_{appId}_{name}`), if the type has it. */
  readonly directoryExtension?: FilterSupport;
}

/** `onPremisesExtensionAttributes/extensionAttribute1` … `extensionAttribute15`, all sharing one support entry. */
export function extensionAttributeKeys(support: FilterSupport): Record<string, FilterSupport> {
  const keys: Record<string, FilterSupport> = {};
  for (let n = 1; n <= 15; n++) keys[`onPremisesExtensionAttributes/extensionAttribute${n}`] = support;
  return keys;
}
