/**
 * A full garbage collection before a timed run, so a run does not pay for the garbage of the
 * setup or of the run before it. Node exposes `gc` only behind a flag; this sets the flag at
 * runtime, so `npm run bench` needs no node options.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

export function collectGarbage(): void {
	gc();
}
