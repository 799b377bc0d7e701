export { OB2_CONTEXT, buildAssertion, buildBadgeClass, buildProfile, serialise, awardContext } from './documents.ts';
export { assertionJson, bakeAward } from './bake-award.ts';
