import { campaignProtocol } from '../../utils/campaigns/protocol';
import { composeProtocol } from '../../utils/compose/protocol';
import { baseProtocol, messageClient } from '../../utils/message-client';
import { auditProtocol } from '../../utils/queue/protocol';

// The popup checks the worker's replies with the parts of the protocol it speaks (composing, scheduled
// posts, campaign kits, settings warnings) rather than the whole of utils/messages.ts: the listening,
// account, side panel and settings-file schemas stay out of the bundle an officer waits for on every
// share (~1.7 kB gzip). A message outside these parts does not compile here.
export const popupProtocol = { ...baseProtocol, ...composeProtocol, ...auditProtocol, ...campaignProtocol };
export const { send, receive } = messageClient(popupProtocol);
