/**
 * Remote inference workers: the {@code /ws/worker} protocol shared by the backend and worker processes
 * ({@link org.petal.ml.worker.WorkerProtocol}, {@link org.petal.ml.worker.WorkerMessage},
 * {@link org.petal.ml.worker.WorkerCodec}; described in {@code docs/workers.md}) and the worker's side,
 * {@link org.petal.ml.worker.WorkerClient}, which serves the same engines and sessions the backend runs
 * in-process.
 *
 * <p>Voxels are indices {@code (i, j, k)} of the case grid, {@code i} fastest; boxes are half-open;
 * volume values are SUV (float32); times are milliseconds.
 */
package org.petal.ml.worker;
