/** Namespace of the OB 2.0 baked assertion element (Baking 1.0 §SVG). */
export const OB2_SVG_NAMESPACE = 'http://openbadges.org';
/** Namespace of the OB 3.0 baked credential element (OB 3.0 §Baking, SVG). */
export const OB3_SVG_NAMESPACE = 'https://purl.imsglobal.org/ob/v3p0';

const SVG_OPEN = /<svg\b[^>]*>/;

/**
 * Bakes a hosted assertion into SVG artwork: `xmlns:openbadges` on the root element and,
 * directly after it, `<openbadges:assertion verify="URL">` with the assertion JSON in CDATA.
 * Everything else in the file is kept byte for byte. An earlier baked assertion is replaced.
 *
 * With `credential` (OB 3.0 JSON with an embedded proof, or a VC-JWT) an
 * `<openbadges:credential>` element follows. Both specs use the prefix `openbadges` but for two
 * different namespaces, so the credential element re-declares the prefix for itself: an XML
 * parser sees both elements in their own namespace, and text-based unbakers find both names.
 */
export function bakeSvg(svg: string, assertionJson: string, verifyUrl: string, credential?: string): string {
	const clean = removeElement(removeElement(svg, 'assertion'), 'credential');
	const open = SVG_OPEN.exec(clean);
	if (!open) throw new Error('no <svg> root element');
	let tag = open[0];
	if (!/\sxmlns:openbadges\s*=/.test(tag)) {
		tag = tag.replace(/\s*(\/?)>$/, ` xmlns:openbadges="${OB2_SVG_NAMESPACE}"$1>`);
	}
	let element = `<openbadges:assertion verify="${escapeAttribute(verifyUrl)}"><![CDATA[${cdata(assertionJson)}]]></openbadges:assertion>`;
	if (credential !== undefined) {
		const ns = `xmlns:openbadges="${OB3_SVG_NAMESPACE}"`;
		element += credential.trimStart().startsWith('{')
			? `<openbadges:credential ${ns}><![CDATA[${cdata(credential)}]]></openbadges:credential>`
			: `<openbadges:credential ${ns} verify="${escapeAttribute(credential)}"/>`;
	}
	const at = open.index;
	return clean.slice(0, at) + tag + element + clean.slice(at + open[0].length);
}

// "]]>" cannot appear inside CDATA: split it across two sections.
const cdata = (text: string) => text.replaceAll(']]>', ']]]]><![CDATA[>');

const elementPattern = (name: 'assertion' | 'credential') =>
	new RegExp(`<openbadges:${name}\\b([^>]*?)(?:\\/>|>([\\s\\S]*?)<\\/openbadges:${name}>)`);

/** The baked OB 2.0 assertion: its JSON text if it has a body, otherwise the `verify` attribute (a URL or JWS). */
export const extractSvg = (svg: string) => extractElement(svg, 'assertion');

/** The baked OB 3.0 credential: its JSON text, or the VC-JWT in its `verify` attribute. */
export const extractSvgCredential = (svg: string) => extractElement(svg, 'credential');

function extractElement(svg: string, name: 'assertion' | 'credential'): string | undefined {
	const m = elementPattern(name).exec(svg);
	if (!m) return undefined;
	const body = m[2]?.trim();
	if (body) return body.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
	const verify = /\sverify\s*=\s*"([^"]*)"/.exec(m[1] ?? '');
	return verify ? unescapeAttribute(verify[1]!) : undefined;
}

const removeElement = (svg: string, name: 'assertion' | 'credential') => svg.replace(elementPattern(name), '');

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const unescapeAttribute = (s: string) => s.replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export const isSvg = (text: string) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b/.test(text);
