import type { ModelConfig } from './config.js';
import type { ReplicaSpec } from './replica.js';

/** The replicas of a model: `config.replicas` per device, numbered across devices. */
export function replicaSpecs(name: string, config: ModelConfig): ReplicaSpec[] {
  const specs: ReplicaSpec[] = [];
  for (const device of config.devices) {
    for (let k = 0; k < config.replicas; k++) {
      const index = specs.length;
      specs.push({ id: `${name}-${index}`, model: name, index, device, config });
    }
  }
  return specs;
}
