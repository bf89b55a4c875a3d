/**
 * Standardised uptake value (SUV) scale factors from PET DICOM headers.
 *
 * <h2>Reference behaviour</h2>
 * {@link org.petal.ml.suv.SuvCalculator} reimplements the QIBA vendor-neutral SUV recipe the way
 * {@code @cornerstonejs/calculate-suv} 1.1.0 (MIT) does, and is tested against that library's vendor test
 * vectors (Siemens, GE, Philips BQML/CNTS, odd date/time cases) to 1e-6 relative:
 * <ul>
 *   <li>CorrectedImage (0028,0051) must contain ATTN and DECY; series-level values (Units, CorrectedImage,
 *       patient weight/sex/size, half-life, dose, DecayCorrection, SeriesDate/Time) must be identical on
 *       every instance.</li>
 *   <li>Decay reference ("scan") time: SeriesDate/SeriesTime when it is not after the earliest
 *       AcquisitionDate/Time; otherwise the GE private post-injection date-time (0009,100D) when present;
 *       otherwise the earliest acquisition date-time. The QIBA FrameReferenceTime back-computation is
 *       <em>not</em> applied because calculate-suv 1.1.0 has it disabled and its test vectors rely on that.</li>
 *   <li>Injection time: RadiopharmaceuticalStartDateTime (0018,1078), else RadiopharmaceuticalStartTime
 *       (0018,1072) on the SeriesDate (no midnight handling, as upstream).</li>
 *   <li>Units BQML: weight[g] / decayed dose. CNTS: Philips private SUV scale factor (7053,1000) when set on
 *       every instance, else activity concentration scale factor (7053,1009) × the BQML factor. GML: 1.</li>
 *   <li>SUVlbm (James, with upstream's male coefficient 120), SUVlbm (Janmahasatian) and SUVbsa (Du Bois)
 *       factors when PatientSize (and for LBM, PatientSex) are known.</li>
 *   <li>DA/TM/DT parsing copies upstream, quirks included (see {@code DicomTimes}).</li>
 * </ul>
 *
 * <h2>Deliberate differences (all make a wrong factor impossible rather than change a valid one)</h2>
 * <ul>
 *   <li>Every refusal is a {@link org.petal.ml.suv.SuvNotComputableException} (an
 *       {@link org.petal.ml.io.InvalidImageException}) whose message names the DICOM keyword and tag;
 *       upstream's wording is kept inside the message where upstream has one.</li>
 *   <li>DecayCorrection (0054,1102) ADMIN: values are already referenced to the injection, so the dose is not
 *       decayed (upstream decays it to the scan time regardless). NONE contradicts DECY and is refused; a
 *       missing DecayCorrection (a Type 1 attribute) is refused.</li>
 *   <li>RadionuclideTotalDose or RadionuclideHalfLife zero/negative is refused (upstream returns Infinity).</li>
 *   <li>PatientSize 0 or negative counts as missing (upstream returns ±Infinity for LBM/BSA); a PatientSex
 *       other than M/F leaves the LBM factors null instead of failing the whole SUVbw computation.</li>
 * </ul>
 *
 * <p>Factors multiply rescaled values: SUV = (stored × RescaleSlope + RescaleIntercept) × factor.
 */
package org.petal.ml.suv;
