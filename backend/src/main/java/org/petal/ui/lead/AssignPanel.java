package org.petal.ui.lead;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.util.List;
import org.petal.assignment.BulkAssignmentService;
import org.petal.assignment.BulkAssignmentService.AnnotatorLoad;
import org.petal.assignment.BulkAssignmentService.Result;
import org.petal.assignment.Reading;
import org.petal.assignment.StudyDesign;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.system.Problems;
import org.petal.users.Actor;
import org.petal.users.Role;
import org.petal.users.UserService;
import org.petal.users.UserService.UserView;

/**
 * Bulk assignment with a study design: the cases (all of the project, or chosen ones), the annotators,
 * single or double reading, and AI-assisted, manual or a balanced crossover. "Preview" shows what each
 * annotator would get without creating anything; "Assign" creates what is missing (repeating it is
 * harmless; a read that exists differently is refused with the reason).
 */
class AssignPanel extends VerticalLayout {

    private final Actor actor;
    private final long projectId;
    private final BulkAssignmentService bulk;
    private final CaseService cases;

    private final RadioButtonGroup<String> which = new RadioButtonGroup<>("Cases");
    private final MultiSelectComboBox<CaseView> chosen = new MultiSelectComboBox<>("Chosen cases");
    private final MultiSelectComboBox<UserView> annotators = new MultiSelectComboBox<>("Annotators");
    private final RadioButtonGroup<Reading> reading = new RadioButtonGroup<>("Reading");
    private final RadioButtonGroup<StudyDesign> design = new RadioButtonGroup<>("Mode");
    private final DatePicker due = new DatePicker("Due (optional)");
    private final Paragraph outcome = new Paragraph();
    private final Grid<AnnotatorLoad> loads = new Grid<>();

    AssignPanel(Actor actor, long projectId, BulkAssignmentService bulk, CaseService cases, UserService users) {
        this.actor = actor;
        this.projectId = projectId;
        this.bulk = bulk;
        this.cases = cases;
        setPadding(false);

        which.setItems("all", "chosen");
        which.setItemLabelGenerator(w -> w.equals("all") ? "every case of the project" : "the cases I choose");
        which.setValue("all");
        which.setId("assign-which");
        chosen.setItemLabelGenerator(CaseView::caseKey);
        chosen.setWidth("30em");
        chosen.setId("assign-cases");
        chosen.setEnabled(false);
        which.addValueChangeListener(e -> chosen.setEnabled(e.getValue().equals("chosen")));
        chosen.addFocusListener(e -> {
            if (chosen.getListDataView().getItemCount() == 0) {
                chosen.setItems(cases.list(actor, projectId));  // read on first use: a project may hold thousands
            }
        });
        annotators.setItems(users.list(actor).stream().filter(u -> u.roles().contains(Role.ANNOTATOR)).toList());
        annotators.setItemLabelGenerator(u -> u.username() + " (" + u.displayName() + ")");
        annotators.setWidth("30em");
        annotators.setId("assign-annotators");
        reading.setItems(Reading.values());
        reading.setItemLabelGenerator(r -> r == Reading.SINGLE ? "single: one annotator per case"
            : "double: two annotators per case");
        reading.setValue(Reading.SINGLE);
        reading.setId("assign-reading");
        design.setItems(StudyDesign.values());
        design.setItemLabelGenerator(d -> switch (d) {
            case AI_ASSISTED_ONLY -> "AI-assisted";
            case MANUAL_ONLY -> "manual";
            case CROSSOVER -> "time study: balanced crossover (half the cases in each mode per annotator; double "
                + "reading reads each case once in each mode)";
        });
        design.setValue(StudyDesign.AI_ASSISTED_ONLY);
        design.setId("assign-design");
        due.setId("assign-due");

        Button preview = new Button("Preview", e -> run(true));
        preview.setId("assign-preview");
        Button assign = new Button("Assign", e -> run(false));
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.setId("assign-run");
        outcome.setId("assign-outcome");
        loads.addColumn(AnnotatorLoad::username).setHeader("Annotator");
        loads.addColumn(AnnotatorLoad::aiAssisted).setHeader("AI-assisted");
        loads.addColumn(AnnotatorLoad::manual).setHeader("Manual");
        loads.addColumn(AnnotatorLoad::total).setHeader("Total");
        loads.setAllRowsVisible(true);
        loads.setVisible(false);
        loads.setId("assign-loads");
        add(new HorizontalLayout(which, chosen), annotators, reading, design, due, new HorizontalLayout(preview, assign),
            outcome, loads);
    }

    private void run(boolean previewOnly) {
        List<Long> caseIds = which.getValue().equals("all")
            ? cases.list(actor, projectId).stream().map(CaseView::id).toList()
            : chosen.getSelectedItems().stream().map(CaseView::id).sorted().toList();
        List<Long> annotatorIds = annotators.getSelectedItems().stream().map(UserView::id).sorted().toList();
        var request = new BulkAssignmentService.Request(caseIds, annotatorIds, reading.getValue(), design.getValue(),
            due.getValue());
        try {
            Result r = previewOnly ? bulk.preview(actor, projectId, request) : bulk.assign(actor, projectId, request);
            outcome.setText((previewOnly ? "Would create " : "Created ") + r.created() + " assignment"
                + (r.created() == 1 ? "" : "s") + "; " + r.unchanged() + " exist already as planned.");
            outcome.getStyle().remove("color");
            loads.setItems(r.annotators());
            loads.setVisible(true);
        } catch (Problems.BadRequest | Problems.Conflict | Problems.NotFound refused) {
            outcome.setText(refused.getMessage());
            outcome.getStyle().set("color", "var(--lumo-error-text-color)");
            loads.setVisible(false);
        }
    }
}
