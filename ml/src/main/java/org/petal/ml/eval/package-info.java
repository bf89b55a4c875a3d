/**
 * The paper-style evaluation: simulated clicks on every ground-truth object of a dataset, Dice and NSD
 * after each click budget, per engine; {@code results.csv} with one row per object and budget and a
 * {@code summary.md} table of means per label and budget.
 */
package org.petal.ml.eval;
