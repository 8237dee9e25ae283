import type { Accounts } from './accounts';
import type { NetworkId } from './ids';
import type { Network } from './types';
import { x } from './x';

export type AccountFor<K extends NetworkId> = NonNullable<Accounts[K]>;

/** Every network Siar publishes to. Adding a network = one adapter file + one line here. */
export const NETWORKS: { [K in NetworkId]?: Network<AccountFor<K>> } = {
  x,
};
