package org.petal.ui.lead;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.shared.Registration;
import java.io.IOException;
import java.util.List;
import org.petal.cases.imports.ImportJobView;
import org.petal.cases.imports.ImportService;
import org.petal.cases.imports.ImportState;
import org.petal.users.Actor;

/**
 * Upload of NIfTI files or zipped DICOM series. The upload streams straight into the import service, which
 * stores it and queues a background job; the table below shows each job's stage as a progress bar and, for
 * a failed file, why. A refused upload (wrong format, unsafe archive, full queue) creates no job and is
 * listed with its reason. The page polls only while a job is queued or running.
 */
class ImportPanel extends VerticalLayout {

    private static final int POLL_MS = 700;

    private final Actor actor;
    private final long projectId;
    private final ImportService imports;
    private final Runnable casesChanged;
    private final Grid<ImportJobView> jobs = new Grid<>();
    private final VerticalLayout refusals = new VerticalLayout();
    private Registration polling;
    private boolean anyRunning;
    private long done = -1;

    ImportPanel(Actor actor, long projectId, ImportService imports, Runnable casesChanged) {
        this.actor = actor;
        this.projectId = projectId;
        this.imports = imports;
        this.casesChanged = casesChanged;
        setPadding(false);

        TextField caseKey = new TextField("Case key (optional; else from the file name)");
        caseKey.setWidth("22em");
        caseKey.setId("import-case-key");
        Select<String> unit = new Select<>();
        unit.setLabel("NIfTI values are");
        unit.setItems("auto", "SUV", "UNKNOWN");
        unit.setItemLabelGenerator(u -> switch (u) {
            case "SUV" -> "SUV (body weight)";
            case "UNKNOWN" -> "unknown (not SUV)";
            default -> "as the file says (Petal's marker), else unknown";
        });
        unit.setValue("auto");
        unit.setWidth("24em");
        Upload upload = new Upload(event -> receive(event, caseKey.getValue(), unit.getValue()));
        upload.setAcceptedFileTypes(".nii", ".nii.gz", ".gz", ".zip");
        upload.setId("import-upload");
        upload.addSucceededListener(e -> caseKey.clear());
        refusals.setPadding(false);
        refusals.setSpacing(false);
        refusals.setId("import-refusals");

        jobs.addColumn(ImportJobView::fileName).setHeader("File").setAutoWidth(true);
        jobs.addColumn(j -> j.state().name().toLowerCase()).setHeader("State").setAutoWidth(true);
        jobs.addComponentColumn(ImportPanel::progressBar).setHeader("Progress").setWidth("12em").setFlexGrow(0);
        jobs.addColumn(j -> j.message() == null ? "" : j.message()).setHeader("Message").setFlexGrow(3);
        jobs.addColumn(j -> j.caseId() == null ? "" : "case " + j.caseId()).setHeader("Case").setAutoWidth(true);
        jobs.setId("import-jobs");
        jobs.setHeight("40vh");
        add(new Paragraph("A .nii or .nii.gz volume, or a .zip holding one DICOM PET series. DICOM is converted to "
                + "SUV from its own tags; a file without what SUV needs is imported as 'unknown (not SUV)' and says so."),
            new HorizontalLayout(caseKey, unit), upload, refusals, jobs);
        refresh();
    }

    /** Runs on the upload's request thread, outside the UI lock: the service call, then the UI under access. */
    private void receive(UploadEvent event, String caseKey, String unit) throws IOException {
        UI ui = event.getUI();
        try {
            imports.submit(actor, projectId, event.getFileName(), event.getInputStream(), caseKey,
                "auto".equals(unit) ? null : unit);
            ui.access(this::refresh);
        } catch (RuntimeException refused) {
            String why = event.getFileName() + ": " + refused.getMessage();
            ui.access(() -> {
                Span line = new Span(why);
                line.addClassName("import-refusal");
                line.getStyle().set("color", "var(--lumo-error-text-color)");
                refusals.add(line);
            });
        }
    }

    private void refresh() {
        List<ImportJobView> list = imports.ofProject(actor, projectId).stream()
            .sorted((a, b) -> Long.compare(b.id(), a.id())).toList();
        anyRunning = list.stream().anyMatch(j -> j.state() == ImportState.QUEUED || j.state() == ImportState.RUNNING);
        jobs.setItems(list);
        getUI().ifPresent(ui -> ui.setPollInterval(anyRunning ? POLL_MS : -1));
        long doneNow = list.stream().filter(j -> j.state() == ImportState.DONE).count();
        if (done >= 0 && doneNow != done) {
            casesChanged.run();
        }
        done = doneNow;
    }

    private static ProgressBar progressBar(ImportJobView j) {
        ProgressBar bar = new ProgressBar(0, 1, j.progress());
        if (j.state() == ImportState.FAILED) {
            bar.addThemeName("error");
        } else if (j.state() == ImportState.DONE) {
            bar.addThemeName("success");
        }
        return bar;
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        polling = attach.getUI().addPollListener(e -> {
            if (anyRunning) {
                refresh();
            }
        });
        attach.getUI().setPollInterval(anyRunning ? POLL_MS : -1);
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        polling.remove();
        detach.getUI().setPollInterval(-1);
    }
}
