/**
 * The on-disk dataset format Petal reads and writes.
 *
 * <pre>
 * DIR/labels.json   {"labels": {"1": "liver", ...}, "kinds": {"liver": "organ", "lesion": "lesion", ...}}
 * DIR/cases.csv     case_id,pet,label[,ct]   (RFC 4180 CSV, UTF-8, paths relative to DIR, '/' separators)
 * </pre>
 *
 * Label values are 1..65535 (0 is background and never listed). Every path in {@code cases.csv} must stay
 * inside DIR: absolute paths and paths that climb out with {@code ..} are rejected, so a dataset directory
 * can be moved or zipped as a unit. Metadata files are written atomically (temporary file, then move), so
 * a reader never sees half a file.
 */
package org.petal.ml.dataset;
