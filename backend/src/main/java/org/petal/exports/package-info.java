/**
 * Downloads for use outside Petal: a case's approved segmentation as a NIfTI label map, and a revision's
 * lesion statistics as CSV (columns modelled on the OHIF TMTV report). Columns and conventions:
 * {@code docs/exports.md}.
 */
package org.petal.exports;
