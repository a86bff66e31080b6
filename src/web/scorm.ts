// A practice page as a SCORM 1.2 package: a zip with imsmanifest.xml at its root naming one SCO, the
// page itself (index.html), whose script finds the LMS's API and reports the score. The manifest is a
// fixed shape with two texts in it (the title, escaped), so it is written out directly.
import { createHash } from 'node:crypto';
import { escapeXml } from '../text/escape';
import { zipFiles } from './zip';

export const SCORM_PAGE = 'index.html';

export function scormManifest(title: string, page: string): string {
  const id = `backprop-tutor-${createHash('sha256').update(page).digest('hex').slice(0, 16)}`;
  const t = escapeXml(title);
  return `<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="${id}" version="1.0"
  xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2"
  xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="practice">
    <organization identifier="practice">
      <title>${t}</title>
      <item identifier="practice-page" identifierref="practice-resource" isvisible="true">
        <title>${t}</title>
      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="practice-resource" type="webcontent" adlcp:scormtype="sco" href="${SCORM_PAGE}">
      <file href="${SCORM_PAGE}"/>
    </resource>
  </resources>
</manifest>
`;
}

/** The zip: imsmanifest.xml and the page. */
export function scormPackage(title: string, page: string): Uint8Array {
  return zipFiles(
    new Map([
      ['imsmanifest.xml', scormManifest(title, page)],
      [SCORM_PAGE, page],
    ]),
  );
}
