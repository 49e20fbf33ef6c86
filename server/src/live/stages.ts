import type { AppealState, SlaClass } from '@hotline-sim/shared';

/**
 * The live runtime's stage queues. A job carries one appeal's transitions within one clock tick and
 * goes to the queue of the stage it ends in, so queue depths show where work is.
 */
export const STAGES = ['intake', 'dispatch', 'unit-work', 'callback'] as const;
export type Stage = (typeof STAGES)[number];

const STAGE_OF: Record<AppealState, Stage> = {
  received: 'intake',
  answered: 'intake',
  redirected: 'intake',
  dispatched: 'dispatch',
  returned: 'dispatch',
  signed: 'dispatch',
  contacted: 'unit-work',
  supervised: 'unit-work',
  handled: 'unit-work',
  replied: 'unit-work',
  evaluated: 'callback',
  verified: 'callback',
  closed: 'callback',
};

export function stageOf(state: AppealState): Stage {
  return STAGE_OF[state];
}

/** BullMQ priority (1 first) by SLA class: emergencies before utilities, general and complex cases. */
export const PRIORITY: Record<SlaClass, number> = { '2h': 1, '24h': 2, '7d': 3, '15d': 4 };

export const queueName = (stage: Stage) => `hotline-${stage}`;
