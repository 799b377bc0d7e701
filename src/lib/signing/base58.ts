/** Base58btc (Bitcoin alphabet), as multibase `z…` values use it (Multikey, Data Integrity proofs). */
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const INDEX = new Map([...ALPHABET].map((c, i) => [c, i]));

export function base58Encode(bytes: Uint8Array): string {
	let zeros = 0;
	while (zeros < bytes.length && bytes[zeros] === 0) zeros++;
	const digits: number[] = [];
	for (const byte of bytes.subarray(zeros)) {
		let carry = byte;
		for (let i = 0; i < digits.length; i++) {
			carry += digits[i]! << 8;
			digits[i] = carry % 58;
			carry = (carry / 58) | 0;
		}
		while (carry) {
			digits.push(carry % 58);
			carry = (carry / 58) | 0;
		}
	}
	return '1'.repeat(zeros) + digits.reverse().map((d) => ALPHABET[d]).join('');
}

export function base58Decode(text: string): Uint8Array {
	let zeros = 0;
	while (zeros < text.length && text[zeros] === '1') zeros++;
	const bytes: number[] = [];
	for (const c of text.slice(zeros)) {
		let carry = INDEX.get(c);
		if (carry === undefined) throw new Error(`invalid base58 character "${c}"`);
		for (let i = 0; i < bytes.length; i++) {
			carry += bytes[i]! * 58;
			bytes[i] = carry & 0xff;
			carry >>= 8;
		}
		while (carry) {
			bytes.push(carry & 0xff);
			carry >>= 8;
		}
	}
	return Uint8Array.from([...new Array(zeros).fill(0), ...bytes.reverse()]);
}

/** Multicodec prefix of an Ed25519 public key (0xed, varint-encoded). */
const ED25519_PUB = [0xed, 0x01];

/** `z6Mk…`: the Multikey form of a raw 32-byte Ed25519 public key. */
export const ed25519Multibase = (publicKey: Uint8Array) => `z${base58Encode(Uint8Array.from([...ED25519_PUB, ...publicKey]))}`;

/** The raw Ed25519 public key in a `z6Mk…` Multikey value, or an error naming what is wrong. */
export function ed25519FromMultibase(value: string): Uint8Array {
	if (!value.startsWith('z')) throw new Error(`not a base58btc multibase value: ${value}`);
	const bytes = base58Decode(value.slice(1));
	if (bytes.length !== 34 || bytes[0] !== ED25519_PUB[0] || bytes[1] !== ED25519_PUB[1]) {
		throw new Error(`not an Ed25519 Multikey: ${value}`);
	}
	return bytes.subarray(2);
}
