import * as z from 'zod/mini';
import { NETWORK_IDS, type NetworkId } from './catalog';

// The ids come from the network catalog (catalog.ts); this module adds their schema.
export { NETWORK_IDS, type NetworkId };
export const networkIdSchema = z.enum(NETWORK_IDS);
