// CSV cells for the event commands: the one CSV writer's (src/util/csv.ts), under the name they use.
export { csvCell } from '../util/csv.js';
