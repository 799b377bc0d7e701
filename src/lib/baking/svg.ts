/** Namespace of the OB 2.0 baked assertion element (Baking 1.0 §SVG). */
export const OB2_SVG_NAMESPACE = 'http://openbadges.org';

const SVG_OPEN = /<svg\b[^>]*>/;

/**
 * Bakes a hosted assertion into SVG artwork: `xmlns:openbadges` on the root element and,
 * directly after it, `<openbadges:assertion verify="URL">` with the assertion JSON in CDATA.
 * Everything else in the file is kept byte for byte. An earlier baked assertion is replaced.
 */
export function bakeSvg(svg: string, assertionJson: string, verifyUrl: string): string {
	const clean = removeAssertion(svg);
	const open = SVG_OPEN.exec(clean);
	if (!open) throw new Error('no <svg> root element');
	let tag = open[0];
	if (!/\sxmlns:openbadges\s*=/.test(tag)) {
		tag = tag.replace(/\s*(\/?)>$/, ` xmlns:openbadges="${OB2_SVG_NAMESPACE}"$1>`);
	}
	// "]]>" cannot appear inside CDATA: split it across two sections.
	const cdata = assertionJson.replaceAll(']]>', ']]]]><![CDATA[>');
	const element = `<openbadges:assertion verify="${escapeAttribute(verifyUrl)}"><![CDATA[${cdata}]]></openbadges:assertion>`;
	const at = open.index;
	return clean.slice(0, at) + tag + element + clean.slice(at + open[0].length);
}

/** The baked assertion: its JSON text if it has a body, otherwise the `verify` attribute (a URL or JWS). */
export function extractSvg(svg: string): string | undefined {
	const m = /<openbadges:assertion\b([^>]*?)(?:\/>|>([\s\S]*?)<\/openbadges:assertion>)/.exec(svg);
	if (!m) return undefined;
	const body = m[2]?.trim();
	if (body) return body.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1');
	const verify = /\sverify\s*=\s*"([^"]*)"/.exec(m[1] ?? '');
	return verify ? unescapeAttribute(verify[1]!) : undefined;
}

function removeAssertion(svg: string): string {
	return svg.replace(/<openbadges:assertion\b[^>]*?(?:\/>|>[\s\S]*?<\/openbadges:assertion>)/, '');
}

const escapeAttribute = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const unescapeAttribute = (s: string) => s.replace(/&lt;/g, '<').replace(/&quot;/g, '"').replace(/&amp;/g, '&');

export const isSvg = (text: string) => /^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*|<!DOCTYPE[^>]*>\s*)*<svg\b/.test(text);
