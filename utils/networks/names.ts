import { NETWORK_CATALOG, type NetworkId } from './catalog';

/** The i18n key of a network's display name (from the catalog; no counting rules, no twitter-text). */
export const networkNameKey = (id: NetworkId) => NETWORK_CATALOG[id].name;
