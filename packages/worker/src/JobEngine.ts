import type { Engine } from '@llorch/native';

/**
 * The part of the native engine the job loop drives. The real Engine satisfies it; unit tests
 * of the job loop hand in their own.
 */
export type JobEngine = Pick<Engine, 'submit' | 'cancel' | 'onEvents' | 'stats'>;
