export { OB2_CONTEXT, ERASED_REASON, buildAssertion, buildErasedAssertion, buildBadgeClass, buildProfile, serialise, awardContext } from './documents.ts';
export { assertionJson, bakeAward } from './bake-award.ts';
