package org.petal.cases.imports;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.ml.dicom.DicomPetSeriesReader.SuvPolicy;
import org.petal.ml.importing.CaseImporter;
import org.petal.ml.importing.ImportOptions;
import org.petal.ml.importing.ImportResult;
import org.petal.ml.io.InvalidImageException;
import org.petal.ml.io.VoxelBudget;
import org.petal.system.PetalProperties;
import org.petal.system.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs import jobs on a small bounded pool: unzip (DICOM), import into {@code cases/<uuid>}, register the
 * case. Whatever happens, the job's upload folder is deleted, and a store that did not become a case is
 * deleted too, so a failed import leaves only its FAILED row and audit line.
 */
@Component
class ImportRunner {

    private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

    private final ImportJobs jobs;
    private final CaseService cases;
    private final Uploads uploads;
    private final PetalProperties properties;
    private final ImportProperties settings;
    private final ThreadPoolExecutor executor;

    ImportRunner(ImportJobs jobs, CaseService cases, Uploads uploads, PetalProperties properties,
                 ImportProperties settings) {
        this.jobs = jobs;
        this.cases = cases;
        this.uploads = uploads;
        this.properties = properties;
        this.settings = settings;
        // A bounded queue with the default abort policy: a flood of uploads is refused, not buffered on disk.
        this.executor = new ThreadPoolExecutor(settings.workers(), settings.workers(), 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(settings.queueCapacity()), threads());
    }

    /** Queues a job; throws {@link java.util.concurrent.RejectedExecutionException} when the queue is full. */
    void enqueue(ImportTask task) {
        executor.execute(() -> run(task));
    }

    /** Files are cleaned up before the final state is written: a DONE or FAILED job has none left. */
    void run(ImportTask t) {
        Path store = properties.casesDir().resolve(UUID.randomUUID().toString());
        boolean registered = false;
        try {
            jobs.start(t.jobId());
            refuseDuplicateKey(t);
            ImportResult result = importVoxels(t, store);
            jobs.advance(t.jobId(), 0.9, "registering the case");
            CaseView c = cases.register(t.lead(), t.projectId(), t.caseKey(), store, t.sha256());
            registered = true;
            uploads.deleteJobFiles(t.jobId());
            jobs.done(t.jobId(), c.id(), summary(result));
        } catch (Exception e) {
            String reason = reason(t, e);
            if (!registered) {
                Uploads.deleteQuietly(store);
            }
            uploads.deleteJobFiles(t.jobId());
            failQuietly(t, reason);
        }
    }

    private ImportResult importVoxels(ImportTask t, Path store) throws IOException {
        Path source = t.upload();
        if (t.format() == UploadFormat.DICOM_ZIP) {
            jobs.advance(t.jobId(), 0.1, "extracting the DICOM zip");
            source = t.upload().resolveSibling(t.format().stem(t.upload().getFileName().toString()));
            SafeZip.extract(t.upload(), source, settings.zipLimits());
            jobs.advance(t.jobId(), 0.3, "reading the DICOM series and storing its voxels");
        } else {
            jobs.advance(t.jobId(), 0.1, "reading the NIfTI file and storing its voxels");
        }
        // Petal segments in SUV: a DICOM series whose SUV cannot be computed is refused, not guessed.
        ImportOptions options = new ImportOptions(new VoxelBudget(properties.maxCaseVoxels()), t.niftiUnit(),
            SuvPolicy.REQUIRE_SUV);
        return new CaseImporter(options).importCase(source, store);
    }

    /** Checked before the (long) import so a duplicate fails fast; {@link CaseService#register} re-checks. */
    private void refuseDuplicateKey(ImportTask t) {
        boolean taken = cases.list(t.lead(), t.projectId()).stream().anyMatch(c -> c.caseKey().equals(t.caseKey()));
        if (taken) {
            throw new Problems.Conflict("the project has a case '" + t.caseKey() + "' already; choose another case key");
        }
    }

    private static String summary(ImportResult result) {
        String s = result.format() + " imported; values are " + result.store().metadata().unit().label();
        return result.warnings().isEmpty() ? s : s + ". " + String.join("; ", result.warnings());
    }

    /** The sentence the lead sees: the importer's own for bad input, a pointer to the log for our bugs. */
    private String reason(ImportTask t, Exception e) {
        if (e instanceof InvalidImageException || e instanceof Problems.Conflict || e instanceof Problems.NotFound
            || e instanceof Problems.Forbidden || e instanceof Problems.BadRequest) {
            return e.getMessage();
        }
        if (executor.isShutdown() || e instanceof InterruptedIOException || e instanceof ClosedByInterruptException) {
            return "interrupted by a server shutdown; upload the file again";
        }
        log.error("import job {} failed unexpectedly", t.jobId(), e);
        return "the import failed unexpectedly (" + e.getClass().getSimpleName() + "); the details are in the server log";
    }

    private void failQuietly(ImportTask t, String reason) {
        try {
            jobs.fail(t.lead(), t.jobId(), reason);
        } catch (RuntimeException e) {
            log.warn("could not mark import job {} failed ({}): {}", t.jobId(), reason, e.toString());
        }
    }

    /** Jobs a stopped server left QUEUED or RUNNING can never finish: fail them and drop their files. */
    @EventListener(ApplicationReadyEvent.class)
    void failInterruptedJobs() {
        for (long id : jobs.failInterrupted()) {
            uploads.deleteJobFiles(id);
            log.info("import job {} was interrupted by a restart and is marked FAILED", id);
        }
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "petal-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
