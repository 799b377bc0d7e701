/** npm run new-id — prints a fresh permanent award id. */
import { newAwardId } from '../src/lib/identity.ts';

console.log(newAwardId());
