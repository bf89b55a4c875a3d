/**
 * Remote inference workers: engine processes (e.g. on a GPU host) that connect to {@code /ws/worker} with a
 * shared token and serve the same sessions {@code InProcessWorker} runs here. {@link
 * org.petal.segmentation.remote.RemoteWorker} routes objects to them (sticky per object), the registry
 * shows their queue depth at {@code GET /api/workers}; {@code petal.workers.mode} chooses in-process,
 * remote or auto. Protocol and operations: {@code docs/workers.md}.
 */
package org.petal.segmentation.remote;
