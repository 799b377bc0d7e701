/** Showing a badge elsewhere: social preview images, LinkedIn, e-mail and embed links. */
export { SOCIAL_FONT_DIR, SOCIAL_IMAGE_SIZE, renderSocialImage, socialImageSvg, type SocialImageInput } from './social-image.ts';
export { embedSnippet, linkedInAddToProfileUrl, linkedInShareUrl, mailtoUrl, type Certification } from './share-links.ts';
