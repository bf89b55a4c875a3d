package org.petal.ui.lead;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.petal.assignment.AssignmentService;
import org.petal.cases.CaseService;
import org.petal.cases.CaseView;
import org.petal.system.Problems;
import org.petal.users.Actor;

/**
 * The project's cases with what decides their SUV scale: the unit the values were stored in, where the
 * SUV factors came from, patient weight and injected dose, and any correction (who, when, why). A lead
 * corrects weight or dose here; the values are then rescaled wherever they are read.
 */
class CasesPanel extends VerticalLayout {

    private final Actor actor;
    private final long projectId;
    private final CaseService cases;
    private final AssignmentService assignments;
    private final Grid<CaseView> grid = new Grid<>();
    private Set<Long> approved = Set.of();

    CasesPanel(Actor actor, long projectId, CaseService cases, AssignmentService assignments) {
        this.actor = actor;
        this.projectId = projectId;
        this.cases = cases;
        this.assignments = assignments;
        setPadding(false);
        grid.addColumn(CaseView::caseKey).setHeader("Case").setSortable(true).setAutoWidth(true);
        grid.addColumn(c -> Arrays.stream(c.dims()).mapToObj(String::valueOf).collect(Collectors.joining("×")))
            .setHeader("Voxels").setAutoWidth(true);
        grid.addColumn(c -> Arrays.stream(c.spacingMm()).mapToObj(s -> String.format(Locale.ROOT, "%.2f", s))
            .collect(Collectors.joining("×"))).setHeader("Spacing (mm)").setAutoWidth(true);
        grid.addColumn(c -> "SUV_BW".equals(c.unit()) ? "SUVbw" : "unknown (not SUV)").setHeader("Values");
        grid.addColumn(CaseView::suvSource).setHeader("SUV from").setAutoWidth(true);
        grid.addColumn(c -> number(c.patientWeightKg(), "kg")).setHeader("Weight");
        grid.addColumn(c -> c.injectedDoseBq() == null ? "—" : String.format(Locale.ROOT, "%.0f MBq", c.injectedDoseBq() / 1e6))
            .setHeader("Dose");
        grid.addColumn(c -> c.correction() == null ? "" : String.format(Locale.ROOT, "×%.3f: %s", c.suvScale(),
            c.correction().note())).setHeader("Correction").setFlexGrow(2);
        // Template renderers, not components per row: a project has thousands of cases.
        grid.addColumn(LitRenderer.<CaseView>of("<vaadin-button theme=\"small tertiary\" ?disabled=${!item.suv} "
                + "@click=${correct}>Correct SUV</vaadin-button>")
            .withProperty("suv", c -> "SUV_BW".equals(c.unit()))
            .withFunction("correct", c -> correctDialog(c).open())).setHeader("").setAutoWidth(true);
        grid.addColumn(LitRenderer.<CaseView>of("${item.approved ? html`<a href=\"${item.href}\" download=\"${item.file}\" "
                + "router-ignore>segmentation.nii.gz</a>` : 'not approved yet'}")
            .withProperty("approved", c -> approved.contains(c.id()))
            .withProperty("href", c -> "/api/cases/" + c.id() + "/segmentation.nii.gz")
            .withProperty("file", c -> c.caseKey() + "-segmentation.nii.gz"))
            .setHeader("Approved segmentation").setAutoWidth(true);
        grid.setId("cases");
        grid.setHeight("60vh");
        add(grid);
        refresh();
    }

    void refresh() {
        approved = assignments.approvedCaseIds(actor, projectId);
        grid.setItems(cases.list(actor, projectId));
    }

    private Dialog correctDialog(CaseView c) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle("SUV parameters of " + c.caseKey());
        NumberField weight = new NumberField("Patient weight (kg)");
        weight.setValue(c.correction() != null && c.correction().weightKg() != null ? c.correction().weightKg() : c.patientWeightKg());
        weight.setId("suv-weight");
        NumberField dose = new NumberField("Injected dose at scan time (MBq)");
        Double doseBq = c.correction() != null && c.correction().doseBq() != null ? c.correction().doseBq() : c.injectedDoseBq();
        dose.setValue(doseBq == null ? null : doseBq / 1e6);
        TextField note = new TextField("Why");
        note.setWidthFull();
        note.setId("suv-note");
        Paragraph error = new Paragraph();
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        Button save = new Button("Save", e -> {
            try {
                cases.correctSuv(actor, c.id(), weight.getValue(), dose.getValue() == null ? null : dose.getValue() * 1e6,
                    note.getValue(), c.version());
                dialog.close();
                refresh();
            } catch (Problems.BadRequest | Problems.Conflict refused) {
                error.setText(refused.getMessage());
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("suv-save");
        dialog.add(new VerticalLayout(new Paragraph("Every SUV shown afterwards is rescaled; the correction is audited."),
            weight, dose, note, error));
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), save);
        return dialog;
    }

    private static String number(Double value, String unit) {
        return value == null ? "—" : String.format(Locale.ROOT, "%.1f %s", value, unit);
    }
}
