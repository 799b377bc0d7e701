/**
 * npm run hash-email -- <address>
 * Prints the `identity` block for a recipient file. The address itself is never printed or stored.
 */
import { hashEmail, newSalt } from '../src/lib/identity.ts';
import { EMAIL_PATTERN } from '../src/lib/identity.ts';

const email = process.argv[2];
if (!email || !new RegExp(`^${EMAIL_PATTERN.source}$`).test(email.trim())) {
	console.error('Usage : npm run hash-email -- prenom.nom@exemple.fr');
	console.error('Usage: npm run hash-email -- first.last@example.org');
	process.exitCode = 2;
} else {
	const salt = newSalt();
	console.log('# Copiez ce bloc dans le fichier du destinataire / paste this block into the recipient file:');
	console.log('identity:');
	console.log(`  hash: ${hashEmail(email, salt)}`);
	console.log(`  salt: ${salt}`);
}
